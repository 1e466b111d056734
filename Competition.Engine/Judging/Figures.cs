using System.Globalization;

namespace Competition.Engine.Judging;

/// <summary>Rounding and formatting of points, shared so every judging rule shows and compares the same figures.</summary>
internal static class Figures
{
    /// <summary>
    /// Two decimals, half away from zero (四舍五入, as scoresheets are rounded by hand). Rounded in decimal because
    /// a double such as 2.675 is stored a hair below itself and would round down.
    /// </summary>
    public static double Round(double value) => (double)Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    public static double Round(decimal value) => (double)Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>"7.78", "10", "87.5": the way points are written on a Chinese scoresheet.</summary>
    public static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
