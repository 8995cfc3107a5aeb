using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ComputePlugins;

/// <summary>The command line.</summary>
public sealed class Options
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: ComputePlugins [--plugins DIR]... [--plugin FILE]... [--images DIR] [--out DIR] [--radius N]\n" +
        "                      [--text FILE] [--top N] [--no-progress] [--verify]\n" +
        "       ComputePlugins generate-images DIR";

    /// <summary>Folders searched for <c>*.wasm</c>; by default <c>plugins/</c> and <c>not-a-plugin/</c> next to the program.</summary>
    public List<string> PluginFolders { get; } = new();

    /// <summary>Single modules given with <c>--plugin</c>.</summary>
    public List<string> PluginFiles { get; } = new();

    /// <summary>The folder of input images.</summary>
    public string ImageFolder { get; private set; } = Path.Combine(AppContext.BaseDirectory, "images");

    /// <summary>Where outputs go; null writes each output next to its input.</summary>
    public string? OutputFolder { get; private set; }

    /// <summary>The radius passed to every filter (box blur uses it).</summary>
    public int Radius { get; private set; } = 3;

    /// <summary>The text for the text plugins.</summary>
    public string TextFile { get; private set; } = Path.Combine(AppContext.BaseDirectory, "texts", "sample.txt");

    /// <summary>How many words the text plugins return.</summary>
    public int Top { get; private set; } = 8;

    /// <summary>Show a live progress bar (off when output is redirected).</summary>
    public bool Progress { get; private set; } = !Console.IsOutputRedirected;

    /// <summary>Check the outputs after the run and exit 1 when a check fails.</summary>
    public bool Verify { get; private set; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = new Options();
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{option} needs a value");
            int Number(int min)
            {
                string text = Value();
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < min)
                    throw new ArgumentException($"{option} needs a whole number >= {min}, got '{text}'");
                return n;
            }
            switch (option)
            {
                case "--plugins": options.PluginFolders.Add(Value()); break;
                case "--plugin": options.PluginFiles.Add(Value()); break;
                case "--images": options.ImageFolder = Value(); break;
                case "--out": options.OutputFolder = Value(); break;
                case "--radius": options.Radius = Number(0); break;
                case "--text": options.TextFile = Value(); break;
                case "--top": options.Top = Number(1); break;
                case "--no-progress": options.Progress = false; break;
                case "--verify": options.Verify = true; break;
                default: throw new ArgumentException($"unknown argument {option}");
            }
        }
        if (options.PluginFolders.Count == 0 && options.PluginFiles.Count == 0)
        {
            options.PluginFolders.Add(Path.Combine(AppContext.BaseDirectory, "plugins"));
            options.PluginFolders.Add(Path.Combine(AppContext.BaseDirectory, "not-a-plugin"));
        }
        return options;
    }
}
