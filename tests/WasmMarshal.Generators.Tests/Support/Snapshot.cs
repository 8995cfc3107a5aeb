using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace WasmMarshal.Generators.Tests.Support;

/// <summary>
/// The Verify workflow without Verify: <c>Snapshots/&lt;TestName&gt;.verified.cs</c> is checked in; a run whose output
/// differs (or that has no snapshot yet) writes <c>&lt;TestName&gt;.received.cs</c> beside it and fails with a diff.
/// With <c>WASMMARSHAL_ACCEPT_SNAPSHOTS=1</c> the received text becomes the verified snapshot instead.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that accepts received snapshots.</summary>
    public const string AcceptVariable = "WASMMARSHAL_ACCEPT_SNAPSHOTS";

    private const int ContextLines = 3;

    /// <summary>Compares <paramref name="actual"/> with the verified snapshot of the calling test.</summary>
    public static void Verify(string actual, [CallerMemberName] string testName = "", [CallerFilePath] string callerFile = "")
    {
        string directory = SnapshotDirectory(callerFile);
        string verifiedPath = Path.Combine(directory, testName + ".verified.cs");
        string receivedPath = Path.Combine(directory, testName + ".received.cs");
        string received = GeneratorHarness.Normalize(actual);

        string? verified = File.Exists(verifiedPath) ? GeneratorHarness.Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, received, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        string message = verified is null
            ? $"No snapshot {verifiedPath} yet. Wrote {receivedPath}; review it, then rename it to .verified.cs or rerun with {AcceptVariable}=1."
            : $"The generated source differs from {verifiedPath}. Wrote {receivedPath}; if the change is intended, accept it (rename, or rerun with {AcceptVariable}=1).\n"
                + UnifiedDiff(verified, received);
        throw new XunitException(message);
    }

    /// <summary>
    /// A unified diff: <c>-</c> lines only in <paramref name="expected"/>, <c>+</c> lines only in <paramref name="actual"/>,
    /// each hunk with up to three lines of context and headed by its line numbers in both texts.
    /// </summary>
    public static string UnifiedDiff(string expected, string actual)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false, ignoreCase: false).Lines;

        // Line numbers (1-based) of each diff line in the old and the new text.
        var oldNumbers = new int[lines.Count];
        var newNumbers = new int[lines.Count];
        int oldLine = 0, newLine = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Inserted)
            {
                oldLine++;
            }

            if (lines[i].Type != ChangeType.Deleted)
            {
                newLine++;
            }

            oldNumbers[i] = oldLine;
            newNumbers[i] = newLine;
        }

        var output = new StringBuilder("--- verified\n+++ received\n");
        int index = 0;
        while (index < lines.Count)
        {
            if (lines[index].Type == ChangeType.Unchanged)
            {
                index++;
                continue;
            }

            // A hunk: context before, then changes until more than two contexts' worth of unchanged lines.
            int start = Math.Max(0, index - ContextLines);
            int end = index;
            int unchangedRun = 0;
            for (int i = index; i < lines.Count; i++)
            {
                if (lines[i].Type == ChangeType.Unchanged)
                {
                    if (++unchangedRun > 2 * ContextLines)
                    {
                        break;
                    }
                }
                else
                {
                    unchangedRun = 0;
                    end = i;
                }
            }

            int stop = Math.Min(lines.Count - 1, end + ContextLines);
            output.Append("@@ verified line ").Append(oldNumbers[start]).Append(", received line ").Append(newNumbers[start]).Append(" @@\n");
            for (int i = start; i <= stop; i++)
            {
                string prefix = lines[i].Type switch
                {
                    ChangeType.Inserted => "+ ",
                    ChangeType.Deleted => "- ",
                    _ => "  ",
                };
                output.Append(prefix).Append(lines[i].Text).Append('\n');
            }

            index = stop + 1;
        }

        return output.ToString();
    }

    private static string SnapshotDirectory(string callerFile)
    {
        // [CallerFilePath] is the test's source file at build time; fall back to searching up from the output
        // directory for the project when the build mapped paths away.
        if (!string.IsNullOrEmpty(callerFile) && File.Exists(callerFile))
        {
            return Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WasmMarshal.Generators.Tests.csproj")))
            {
                return Path.Combine(directory.FullName, "Snapshots");
            }
        }

        throw new InvalidOperationException($"Cannot find the snapshot directory from '{callerFile}' or '{AppContext.BaseDirectory}'.");
    }
}
