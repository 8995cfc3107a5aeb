using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using WasmMarshal;

namespace ComputePlugins;

/// <summary>One filter applied to one image.</summary>
/// <param name="Input">The input file.</param>
/// <param name="Output">The PNG written (not written when <paramref name="Error"/> is set).</param>
/// <param name="Plugin">The filter.</param>
/// <param name="Pixels">The image's width times height.</param>
/// <param name="Elapsed">Time spent in the plugin call (marshalling included, file I/O excluded).</param>
/// <param name="Error">Why the call failed: a trap or bad data from the plugin, named by the interface method.</param>
public sealed record FilterResult(string Input, string Output, Plugin Plugin, int Pixels, TimeSpan Elapsed, WasmMarshalException? Error = null)
{
    /// <summary>The error in one line; null on success.</summary>
    public string? ErrorSummary => Error is null ? null : Report.OneLine(Error);
}

/// <summary>Runs every image filter over every image of a batch.</summary>
public static class Batch
{
    /// <summary>Image file extensions StbImageSharp reads.</summary>
    public static readonly string[] ImageExtensions = { ".png", ".jpg", ".jpeg", ".bmp", ".tga", ".gif", ".psd" };

    /// <summary>The images of a folder, by file name; files this tool wrote (<c>name.filter.lang.png</c>) are skipped.</summary>
    public static IReadOnlyList<string> DiscoverImages(string folder) =>
        Directory.GetFiles(folder)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Where(f => Path.GetFileNameWithoutExtension(f).Split('.').Length == 1)
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();

    /// <summary>Applies <paramref name="filter"/> to <paramref name="image"/>, returning a new image.</summary>
    public static RgbaImage Apply(Plugin filter, RgbaImage image, int radius, out TimeSpan elapsed)
    {
        var output = new RgbaImage(image.Width, image.Height, new byte[image.Pixels.Length]);
        var parameters = new FilterParameters { Width = image.Width, Height = image.Height, Radius = radius };
        long start = Stopwatch.GetTimestamp();
        filter.Filter!.Apply(image.Pixels, output.Pixels, parameters);
        elapsed = Stopwatch.GetElapsedTime(start);
        return output;
    }

    /// <summary>The output file name: <c>name.filter.lang.png</c>.</summary>
    public static string OutputName(string input, Plugin filter) =>
        $"{Path.GetFileNameWithoutExtension(input)}.{filter.Id}.png";

    /// <summary>
    /// One untimed call per filter on a blank image as large as the largest input, so that the timings leave out
    /// one-time costs: the stub's JIT and the guest's memory growth for the largest buffers. Returns the filters that
    /// failed, with their error: a trap poisons the guest, so later calls would only repeat "poisoned".
    /// </summary>
    private static Dictionary<Plugin, WasmMarshalException> WarmUp(IReadOnlyList<Plugin> filters, IReadOnlyList<string> images, int radius)
    {
        var failed = new Dictionary<Plugin, WasmMarshalException>();
        var (width, height) = (1, 1);
        foreach (string input in images)
        {
            var (w, h) = RgbaImage.Size(input);
            if ((long)w * h > (long)width * height) (width, height) = (w, h);
        }
        var blank = new RgbaImage(width, height, new byte[width * height * 4]);
        foreach (var filter in filters)
        {
            try
            {
                Apply(filter, blank, radius, out _);
            }
            catch (WasmMarshalException e)
            {
                failed[filter] = e;
            }
        }
        return failed;
    }

    /// <summary>
    /// Applies every filter to every image and writes <c>name.filter.lang.png</c> into <paramref name="outputFolder"/>,
    /// or next to each input when it is null. <paramref name="step"/> is called after each output with a description.
    /// </summary>
    public static List<FilterResult> Run(
        IReadOnlyList<Plugin> filters, IReadOnlyList<string> images, string? outputFolder, int radius,
        Action<string>? step = null)
    {
        if (outputFolder is not null) Directory.CreateDirectory(outputFolder);
        var failedWarmUp = WarmUp(filters, images, radius);
        var results = new List<FilterResult>();
        foreach (string input in images)
        {
            var image = RgbaImage.Load(input);
            foreach (var filter in filters)
            {
                string path = Path.Combine(outputFolder ?? Path.GetDirectoryName(Path.GetFullPath(input))!, OutputName(input, filter));
                try
                {
                    if (failedWarmUp.TryGetValue(filter, out var error)) throw error;
                    var output = Apply(filter, image, radius, out var elapsed);
                    output.SavePng(path);
                    results.Add(new FilterResult(input, path, filter, image.Width * image.Height, elapsed));
                }
                catch (WasmMarshalException e)
                {
                    // One broken plugin must not stop the batch; the report and --verify show the error.
                    results.Add(new FilterResult(input, path, filter, image.Width * image.Height, TimeSpan.Zero, e));
                }
                step?.Invoke($"{Path.GetFileName(input)} → {filter.Id}");
            }
        }
        return results;
    }
}
