using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ComputePlugins;
using Spectre.Console;
using WasmMarshal;
using Engine = Wasmtime.Engine;

// ComputePlugins: image filters and a text plugin written in C, Rust and AssemblyScript, loaded from .wasm files and
// checked against IImageFilter / ITextPlugin at bind time. See README.md and Options.Usage.

if (args.Length == 2 && args[0] == "generate-images")
{
    foreach (var (name, image) in RgbaImage.Samples())
    {
        string path = Path.Combine(args[1], name + ".png");
        image.SavePng(path);
        Console.WriteLine($"wrote {path} ({image.Width}x{image.Height})");
    }
    return 0;
}

Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

// Redirected output (CI logs, a file, a pipe) gets plain text, no ANSI colour or cursor codes, and a width that fits
// the tables instead of Spectre's 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(Console.Out),
    });
    AnsiConsole.Profile.Width = 140;
}

// The component model is on for the JavaScript plugin, a component (core modules load the same either way).
using var engine = new Engine(new Wasmtime.Config().WithComponentModel(true));
var files = options.PluginFolders.SelectMany(PluginCatalog.Discover).Concat(options.PluginFiles).ToList();
using var catalog = PluginCatalog.Load(engine, files, new ConsolePluginLog());

// 1. What was found (what does not fit is reported last: the bundled not-a-plugin module is there on purpose).
AnsiConsole.MarkupLine($"[bold]Plugins[/] from {Markup.Escape(string.Join(", ", options.PluginFolders.Concat(options.PluginFiles)))}");
Report.Plugins(catalog);

// 2. Every filter over every image.
var images = Directory.Exists(options.ImageFolder) ? Batch.DiscoverImages(options.ImageFolder) : Array.Empty<string>();
AnsiConsole.MarkupLine(
    $"\n[bold]Filtering[/] {images.Count} image(s) from {Markup.Escape(options.ImageFolder)} with {catalog.Filters.Count} filter(s), " +
    $"radius {options.Radius}, into {Markup.Escape(options.OutputFolder ?? "the image folder")}");
List<FilterResult> results = null!;
if (options.Progress)
{
    AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
        .Start(ctx =>
        {
            var task = ctx.AddTask("filters", maxValue: Math.Max(1, images.Count * catalog.Filters.Count));
            results = Batch.Run(catalog.Filters, images, options.OutputFolder, options.Radius,
                step => { task.Description = Markup.Escape(step); task.Increment(1); });
            task.Description = "done";
        });
}
else
{
    results = Batch.Run(catalog.Filters, images, options.OutputFolder, options.Radius, step => Console.WriteLine($"  {step}"));
}
Report.Timing(results);

RgbaImage? sheetImage = null;
List<string> sheetLabels = [];
if (images.Count > 0 && catalog.Filters.Count > 0)
{
    // The first image and one output per filter, side by side (the languages' outputs are identical; --verify checks).
    string first = images[0];
    var order = Verification.RequiredFilters.Keys.ToList();
    var shown = results.Where(r => r.Input == first && r.Error is null).GroupBy(r => r.Plugin.Name).Select(g => g.First())
        .OrderBy(r => order.IndexOf(r.Plugin.Name) is var i && i >= 0 ? i : int.MaxValue)
        .ToList();
    var tiles = new List<RgbaImage> { RgbaImage.Load(first) };
    tiles.AddRange(shown.Select(r => RgbaImage.Load(r.Output)));
    string sheet = Path.Combine(Path.GetDirectoryName(results[0].Output)!, Path.GetFileNameWithoutExtension(first) + ".contact-sheet.png");
    sheetLabels = ["original", .. shown.Select(r => r.Plugin.Id)];
    sheetImage = RgbaImage.ContactSheet(tiles, columns: 4, sheetLabels);
    sheetImage.SavePng(sheet);
    AnsiConsole.MarkupLine($"contact sheet: {Markup.Escape(sheet)} (original, {Markup.Escape(string.Join(", ", shown.Select(r => r.Plugin.Id)))})");
}

// 3. Word frequencies.
string? text = File.Exists(options.TextFile) ? File.ReadAllText(options.TextFile) : null;
if (text is not null)
{
    foreach (var plugin in catalog.TextPlugins)
    {
        try
        {
            Report.Words(plugin, plugin.Text!.TopWords(text, options.Top), Path.GetFileName(options.TextFile));
        }
        catch (WasmMarshalException e)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(plugin.Id)} failed:[/] {Markup.Escape(Report.OneLine(e))}");
        }
    }
}

// 4. Modules that are not plugins, with why (expected: the demo bundles one).
Report.Rejected(catalog);

if (!options.Verify) return 0;

// 5. --verify: the checks ci-check.sh relies on.
var checks = Verification.Run(catalog, files, images, results, text).ToList();
if (sheetImage is not null) checks.Add(Verification.ContactSheetLabelled(sheetImage, sheetLabels, columns: 4));
Report.Checks(checks);
return checks.All(c => c.Passed) ? 0 : 1;

/// <summary>Prints what plugins log through env.log.</summary>
internal sealed class ConsolePluginLog : IPluginLog
{
    public void Log(string message) => AnsiConsole.MarkupLine($"[grey][[plugin]] {Markup.Escape(message)}[/]");
}
