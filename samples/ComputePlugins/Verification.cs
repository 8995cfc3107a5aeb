using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using WasmMarshal;

namespace ComputePlugins;

/// <summary>One --verify check.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">What was measured, or what is wrong.</param>
public sealed record Check(string Name, bool Passed, string Detail);

/// <summary>
/// The checks behind <c>--verify</c> (and samples/ComputePlugins/ci-check.sh): the plugin set is complete, every output
/// exists and does what its filter says, plugins of the same filter agree byte for byte across languages, the text
/// plugins agree with <see cref="WordFrequency"/>, and the modules in not-a-plugin/ were reported, not fatal.
/// </summary>
public static class Verification
{
    /// <summary>The filters the sample ships, and the languages each must exist in.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredFilters = new Dictionary<string, string[]>
    {
        ["grayscale"] = new[] { "c", "rust", "as" },
        ["box-blur"] = new[] { "c", "as" },
        ["edges"] = new[] { "c", "rust" },
    };

    /// <summary>The languages the word-frequency text plugin must exist in.</summary>
    public static readonly string[] RequiredTextLanguages = { "c", "rust", "as", "js" };

    /// <summary>
    /// The contact sheet has each tile's label in the strip below it: exactly the lit pixels the label's glyphs have
    /// (<see cref="TinyFont.IsSet"/>, each font pixel <see cref="RgbaImage.LabelScale"/> squared), and nothing else.
    /// </summary>
    public static Check ContactSheetLabelled(RgbaImage sheet, IReadOnlyList<string> labels, int columns, int gap = 4)
    {
        columns = Math.Max(1, Math.Min(columns, labels.Count));
        int rows = (labels.Count + columns - 1) / columns;
        int cellW = (sheet.Width - (columns + 1) * gap) / columns;
        int cellH = (sheet.Height - (rows + 1) * gap) / rows - RgbaImage.LabelStripHeight;
        var wrong = new List<string>();
        for (int t = 0; t < labels.Count; t++)
        {
            int expected = 0;
            foreach (char c in labels[t])
                for (int y = 0; y < TinyFont.GlyphHeight; y++)
                    for (int x = 0; x < TinyFont.GlyphWidth; x++)
                        if (TinyFont.IsSet(c, x, y)) expected += RgbaImage.LabelScale * RgbaImage.LabelScale;
            int x0 = gap + (t % columns) * (cellW + gap), y0 = gap + (t / columns) * (cellH + RgbaImage.LabelStripHeight + gap) + cellH;
            int lit = 0;
            for (int y = y0; y < y0 + RgbaImage.LabelStripHeight && y < sheet.Height; y++)
                for (int x = x0; x < x0 + cellW; x++)
                    if (sheet.Pixels[(y * sheet.Width + x) * 4] == RgbaImage.LabelShade) lit++;
            if (expected == 0 || lit != expected) wrong.Add($"'{labels[t]}': {lit} label pixels, expected {expected}");
        }
        return new Check("contact sheet labelled", wrong.Count == 0,
            wrong.Count == 0 ? $"{labels.Count} tiles, each labelled ({string.Join(", ", labels)})" : string.Join("; ", wrong));
    }

    /// <summary>Runs every check.</summary>
    public static IReadOnlyList<Check> Run(
        PluginCatalog catalog, IReadOnlyList<string> pluginFiles, IReadOnlyList<string> images, IReadOnlyList<FilterResult> results,
        string? text)
    {
        var checks = new List<Check>();
        checks.AddRange(PluginSet(catalog));
        checks.Add(RejectionsReported(catalog, pluginFiles));
        checks.Add(new Check("images", images.Count > 0, $"{images.Count} input image(s)"));
        foreach (string input in images)
        {
            var source = RgbaImage.Load(input);
            var outputs = new List<(Plugin Plugin, RgbaImage Image)>();
            foreach (var filter in catalog.Filters)
            {
                var (check, image) = Output(input, source, filter, results);
                checks.Add(check);
                if (image is not null) outputs.Add((filter, image));
            }
            foreach (var same in outputs.GroupBy(o => o.Plugin.Name).Where(g => g.Count() > 1))
                checks.Add(Agreement(input, same.ToList()));
        }
        checks.AddRange(TextPlugins(catalog, text));
        return checks;
    }

    private static IEnumerable<Check> PluginSet(PluginCatalog catalog)
    {
        foreach (var (name, languages) in RequiredFilters)
            yield return Languages($"filter {name}", catalog.Filters.Where(f => f.Name == name), languages, catalog.Filters);
        yield return Languages("text word-frequency", catalog.TextPlugins.Where(p => p.Name == "word-frequency"), RequiredTextLanguages, catalog.TextPlugins);
    }

    private static Check Languages(string name, IEnumerable<Plugin> found, string[] languages, IReadOnlyList<Plugin> all)
    {
        var have = found.Select(p => p.Language).ToHashSet();
        var missing = languages.Where(l => !have.Contains(l)).ToList();
        return new Check(name, missing.Count == 0, missing.Count == 0
            ? $"found in {string.Join(", ", languages)}"
            : $"missing in {string.Join(", ", missing)} (found {string.Join(", ", all.Select(p => p.Id))})");
    }

    /// <summary>Every module in a folder named <c>not-a-plugin</c> was rejected with its binding mismatches listed.</summary>
    private static Check RejectionsReported(PluginCatalog catalog, IReadOnlyList<string> files)
    {
        var expected = files.Where(f => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(f))) == "not-a-plugin").ToList();
        var unexplained = expected.Where(f => !catalog.Rejected.Any(r => r.Path == f && r.Mismatches.Any())).Select(Path.GetFileName).ToList();
        string reported = string.Join("; ", catalog.Rejected.Select(r => $"{Path.GetFileName(r.Path)}: {r.Mismatches.Count()} binding mismatches"));
        if (expected.Count == 0)
            return new Check("not-a-plugin reported", false, "no module from a not-a-plugin folder was loaded");
        return new Check("not-a-plugin reported", unexplained.Count == 0, unexplained.Count == 0
            ? reported
            : $"not rejected with a binding report: {string.Join(", ", unexplained)}");
    }

    /// <summary>The output of one filter for one input exists, has the input's size and does what the filter says.</summary>
    private static (Check Check, RgbaImage? Image) Output(string input, RgbaImage source, Plugin filter, IReadOnlyList<FilterResult> results)
    {
        string name = $"{Path.GetFileName(input)} {filter.Id}";
        var result = results.FirstOrDefault(r => r.Input == input && r.Plugin == filter);
        if (result?.ErrorSummary is { } error)
            return (new Check(name, false, error), null);
        if (result is null || !File.Exists(result.Output))
            return (new Check(name, false, $"no output written for {filter.Id}"), null);
        var image = RgbaImage.Load(result.Output);
        if (image.Width != source.Width || image.Height != source.Height)
            return (new Check(name, false, $"{Path.GetFileName(result.Output)} is {image.Width}x{image.Height}, the input {source.Width}x{source.Height}"), null);

        int pixels = source.Width * source.Height, changed = 0, notGray = -1, alphaChanged = -1;
        for (int p = 0; p < pixels; p++)
        {
            ReadOnlySpan<byte> a = source.Pixels.AsSpan(p * 4, 4), b = image.Pixels.AsSpan(p * 4, 4);
            if (!a.SequenceEqual(b)) changed++;
            if (notGray < 0 && (b[0] != b[1] || b[1] != b[2])) notGray = p;
            if (alphaChanged < 0 && a[3] != b[3]) alphaChanged = p;
        }
        string At(int p) => $"({p % source.Width}, {p / source.Width})";
        string file = Path.GetFileName(result.Output);
        if (changed == 0)
            return (new Check(name, false, $"{file} is identical to the input"), image);
        if (alphaChanged >= 0)
            return (new Check(name, false, $"{file} changes alpha at {At(alphaChanged)}"), image);
        if (filter.Name == "grayscale" && notGray >= 0)
            return (new Check(name, false, $"{file} has R, G, B not all equal at {At(notGray)}"), image);
        string gray = filter.Name == "grayscale" ? $"R=G=B in all {pixels} pixels, " : "";
        return (new Check(name, true, $"{file}: {gray}{changed} of {pixels} pixels differ from the input"), image);
    }

    /// <summary>Every language's output of the same filter is the same, byte for byte.</summary>
    private static Check Agreement(string input, IReadOnlyList<(Plugin Plugin, RgbaImage Image)> same)
    {
        var (first, reference) = same[0];
        string name = $"{Path.GetFileName(input)} {first.Name}: languages agree";
        var differences = new List<string>();
        foreach (var (plugin, image) in same.Skip(1))
        {
            int at = reference.Pixels.AsSpan().CommonPrefixLength(image.Pixels);
            if (at == reference.Pixels.Length) continue;
            int p = at / 4;
            differences.Add($"{plugin.Id} differs from {first.Id} first at pixel ({p % reference.Width}, {p / reference.Width}), " +
                $"channel {"RGBA"[at % 4]}: {image.Pixels[at]} vs {reference.Pixels[at]}");
        }
        return differences.Count == 0
            ? new Check(name, true, $"{string.Join(", ", same.Select(s => s.Plugin.Language))} equal in all {reference.Pixels.Length} bytes")
            : new Check(name, false, string.Join("; ", differences));
    }

    /// <summary>
    /// At least one text plugin, and each returns what <see cref="WordFrequency"/> computes for every word of the text
    /// (not only the top few, so the rules for case, non-ASCII bytes and cutting long words are all compared).
    /// </summary>
    private static IEnumerable<Check> TextPlugins(PluginCatalog catalog, string? text)
    {
        if (catalog.TextPlugins.Count == 0 || text is null)
        {
            yield return new Check("text plugins", false, text is null ? "the text file was not found" : "no text plugin was found");
            yield break;
        }
        var expected = WordFrequency.Top(text, int.MaxValue);
        foreach (var plugin in catalog.TextPlugins)
            yield return SameWords(plugin, text, expected);
    }

    private static Check SameWords(Plugin plugin, string text, IReadOnlyList<(string Word, int Count)> expected)
    {
        string name = $"{plugin.Id} words";
        List<(string Text, int Count)> actual;
        try
        {
            actual = plugin.Text!.TopWords(text, int.MaxValue).Select(w => (w.Text, w.Count)).ToList();
        }
        catch (WasmMarshalException e)
        {
            return new Check(name, false, Report.OneLine(e));
        }
        int at = 0;
        while (at < Math.Min(actual.Count, expected.Count) && actual[at] == expected[at]) at++;
        return at == actual.Count && at == expected.Count
            ? new Check(name, true, $"all {actual.Count} distinct words and counts equal the host's")
            : new Check(name, false,
                $"entry {at}: plugin {(at < actual.Count ? actual[at].ToString() : "none")}, host {(at < expected.Count ? expected[at].ToString() : "none")}");
    }
}
