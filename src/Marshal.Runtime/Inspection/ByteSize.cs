using System.Globalization;

namespace WasmMarshal.Inspection;

/// <summary>Human-readable byte counts (<c>64 KiB</c>, <c>1.5 MiB</c>) for reports and maps.</summary>
public static class ByteSize
{
    /// <summary>Formats <paramref name="bytes"/> with binary units, exactly when it is a whole number of them.</summary>
    public static string Format(ulong bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        string number = value == System.Math.Floor(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.##", CultureInfo.InvariantCulture);
        return number + " " + units[unit];
    }
}
