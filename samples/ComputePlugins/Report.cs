using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spectre.Console;
using WasmMarshal;

namespace ComputePlugins;

/// <summary>The tables the program prints.</summary>
public static class Report
{
    /// <summary>An error's type and first line (a trap message goes on with a wasm backtrace).</summary>
    public static string OneLine(Exception error) => $"{error.GetType().Name}: {error.Message.Split('\n')[0].TrimEnd()}";

    /// <summary>The plugins that fit.</summary>
    public static void Plugins(PluginCatalog catalog)
    {
        var found = new Table().AddColumns("file", "kind", "name", "language");
        foreach (var p in catalog.Filters) found.AddRow(Path.GetFileName(p.Path), "image filter", p.Name, p.Language);
        foreach (var p in catalog.TextPlugins) found.AddRow(Path.GetFileName(p.Path), "text", p.Name, p.Language);
        AnsiConsole.Write(found);
    }

    /// <summary>
    /// Every module that does not fit a plugin interface, with each binding mismatch: neutral, not an error (the
    /// bundled not-a-plugin/quickstart.wasm is there to show this report).
    /// </summary>
    public static void Rejected(PluginCatalog catalog)
    {
        if (catalog.Rejected.Count == 0) return;
        AnsiConsole.MarkupLine($"\n[bold]Skipped[/] {catalog.Rejected.Count} module(s) that are not plugins (expected for not-a-plugin/):");
        foreach (var rejection in catalog.Rejected)
        {
            AnsiConsole.MarkupLine($"not a plugin: {Markup.Escape(rejection.Path)}");
            foreach (var error in rejection.Errors)
            {
                if (error is WasmBindingException binding)
                {
                    AnsiConsole.MarkupLine($"  does not fit [yellow]{Markup.Escape(binding.Target)}[/] ({binding.Mismatches.Count} mismatch(es)):");
                    foreach (var m in binding.Mismatches)
                        AnsiConsole.MarkupLine($"    - [bold]{Markup.Escape(m.Item)}[/] for {Markup.Escape(m.Member)}: expected {Markup.Escape(m.Expected)}, found {Markup.Escape(m.Actual)}");
                }
                else
                {
                    AnsiConsole.MarkupLine($"  {Markup.Escape(OneLine(error))}");
                }
            }
        }
    }

    /// <summary>
    /// Time per filter: the plugin calls with marshalling (both spans copied in, the target copied back), without PNG
    /// decoding and encoding, after one warm-up call (see <see cref="Batch"/>). Failed calls are listed below.
    /// </summary>
    public static void Timing(IEnumerable<FilterResult> results)
    {
        var timing = new Table().AddColumns("filter", "language", "images", "pixels", "total ms", "ns / pixel");
        foreach (var group in results.Where(r => r.Error is null).GroupBy(r => r.Plugin))
        {
            double ms = group.Sum(r => r.Elapsed.TotalMilliseconds);
            long pixels = group.Sum(r => (long)r.Pixels);
            timing.AddRow(group.Key.Name, group.Key.Language, group.Count().ToString(), pixels.ToString(),
                ms.ToString("F2"), (ms * 1e6 / pixels).ToString("F1"));
        }
        AnsiConsole.Write(timing);
        foreach (var failed in results.Where(r => r.Error is not null))
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(failed.Plugin.Id)} failed on {Markup.Escape(Path.GetFileName(failed.Input))}:[/] {Markup.Escape(failed.ErrorSummary!)}");
    }

    /// <summary>One text plugin's answer.</summary>
    public static void Words(Plugin plugin, IReadOnlyList<WordCount> words, string textName)
    {
        AnsiConsole.MarkupLine($"\n[bold]{Markup.Escape(plugin.Id)}[/]: top {words.Count} words of {Markup.Escape(textName)}");
        var table = new Table().AddColumns("word", "count");
        foreach (var w in words) table.AddRow(Markup.Escape(w.Text), w.Count.ToString());
        AnsiConsole.Write(table);
    }

    /// <summary>The --verify checks.</summary>
    public static void Checks(IReadOnlyList<Check> checks)
    {
        AnsiConsole.MarkupLine("\n[bold]verify[/]");
        var table = new Table().AddColumns("check", "result", "detail");
        foreach (var c in checks)
            table.AddRow(Markup.Escape(c.Name), c.Passed ? "[green]pass[/]" : "[red]FAIL[/]", Markup.Escape(c.Detail));
        AnsiConsole.Write(table);
        int failed = checks.Count(c => !c.Passed);
        AnsiConsole.MarkupLine(failed == 0
            ? $"[green]verify: all {checks.Count} checks passed[/]"
            : $"[red]verify: {failed} of {checks.Count} checks FAILED[/]");
    }
}
