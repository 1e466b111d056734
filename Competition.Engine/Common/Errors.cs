namespace Competition.Engine.Common;

/// <summary>One thing wrong with a request: which field, and what is wrong with it.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>Thrown by the validation behaviour; APIs turn it into ProblemDetails 400, pages into form errors.</summary>
public sealed class ValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>A business rule refused the request; the message says which rule and what to do.</summary>
public sealed class RuleViolationException(string message) : Exception(message);

/// <summary>The actor may not do this (e.g. an organizer touching another city's data).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

public sealed class NotFoundException(string what, object key) : Exception($"{what} '{key}' 不存在 (not found)");
