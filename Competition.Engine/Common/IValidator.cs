namespace Competition.Engine.Common;

/// <summary>Checks a request before its handler runs. Registered by scanning, like handlers.</summary>
public interface IValidator<in TRequest>
{
    IEnumerable<ValidationError> Validate(TRequest request);
}
