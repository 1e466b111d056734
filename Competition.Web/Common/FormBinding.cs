using Competition.Engine.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Competition.Web.Common;

/// <summary>
/// Form values the model binder could not convert ("NaN" for a whole number, "abc" for a date, 99 for a choice). Left
/// alone, the property keeps its default and the form is saved with a value nobody typed; these become form errors
/// naming the field, in Chinese, like the engine's own.
/// </summary>
public static class FormBinding
{
    public static List<ValidationError> Errors(ModelStateDictionary state, IReadOnlyDictionary<string, string> labels) =>
        state.Where(kv => kv.Value is { ValidationState: ModelValidationState.Invalid, Errors.Count: > 0 })
            .Select(kv => new ValidationError(kv.Key, $"{Label(kv.Key, labels)}的值无效（'{TextRules.Quote(kv.Value!.AttemptedValue)}'）：请重新填写或选择"))
            .ToList();

    /// <summary>"Rows[2].Count" is labelled by its last part ("题数") and its row ("第 3 行").</summary>
    private static string Label(string key, IReadOnlyDictionary<string, string> labels)
    {
        if (labels.TryGetValue(key, out var label)) return label;
        var dot = key.LastIndexOf('.');
        if (dot < 0 || !labels.TryGetValue(key[(dot + 1)..], out label)) return key;
        var open = key.IndexOf('[');
        return open >= 0 && int.TryParse(key[(open + 1)..key.IndexOf(']')], out var i) ? $"第 {i + 1} 行的{label}" : label;
    }
}
