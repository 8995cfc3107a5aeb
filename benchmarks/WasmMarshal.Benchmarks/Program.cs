using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WasmMarshal.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/WasmMarshal.Benchmarks -- --filter '*'</c> runs every benchmark
/// (any BenchmarkDotNet option works). <c>-- --smoke</c> runs each one once, in process, to check that they all still
/// compile, bind and run; it takes seconds. Either way the exit code is 1 when a benchmark failed or validation found
/// a critical error, so CI can rely on it.
/// </summary>
public static class Program
{
    private const string SmokeFlag = "--smoke";

    public static int Main(string[] args)
    {
        bool smoke = args.Contains(SmokeFlag, StringComparer.OrdinalIgnoreCase);
        var arguments = args.Where(a => !a.Equals(SmokeFlag, StringComparison.OrdinalIgnoreCase)).ToList();

        // The median next to the mean: on a shared machine it is the figure least moved by a noisy neighbour.
        ManualConfig config = ManualConfig.Create(DefaultConfig.Instance).AddColumn(StatisticColumn.Median);
        if (ProjectDirectory() is { } project)
        {
            // Keep BenchmarkDotNet's output next to the project (ignored by benchmarks/.gitignore), not in the cwd.
            config.WithArtifactsPath(Path.Combine(project, "BenchmarkDotNet.Artifacts"));
        }

        if (smoke)
        {
            // One cold invocation of each benchmark, in this process (no separate build): proves they run, measures
            // nothing worth reading. Debug builds are allowed, since nothing is measured.
            config.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Smoke"));
            config.WithOptions(ConfigOptions.DisableOptimizationsValidator);
            if (!arguments.Any(a => a is "--filter" or "-f"))
            {
                // Without a filter BenchmarkDotNet asks on the console which benchmarks to run.
                arguments.AddRange(["--filter", "*"]);
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. arguments], config).ToList();
        return Failures(summaries, requireAny: smoke) is { Count: > 0 } failures
            ? Report(failures)
            : 0;
    }

    /// <summary>Every benchmark that did not produce a result, and every critical validation error.</summary>
    private static List<string> Failures(IReadOnlyList<Summary> summaries, bool requireAny)
    {
        var failures = new List<string>();
        if (requireAny && summaries.Sum(s => s.BenchmarksCases.Length) == 0)
        {
            failures.Add("no benchmark ran (does the filter match any?)");
        }

        foreach (var summary in summaries)
        {
            if (summary.HasCriticalValidationErrors)
            {
                failures.AddRange(summary.ValidationErrors.Where(e => e.IsCritical).Select(e => "validation: " + e.Message));
            }

            foreach (var benchmark in summary.BenchmarksCases)
            {
                var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase == benchmark);
                if (report is null || !report.Success || report.ResultStatistics is null)
                {
                    failures.Add("failed: " + benchmark.DisplayInfo);
                }
            }
        }

        return failures;
    }

    private static int Report(List<string> failures)
    {
        Console.Error.WriteLine();
        Console.Error.WriteLine($"WasmMarshal.Benchmarks: {failures.Count} failure(s):");
        foreach (string failure in failures)
        {
            Console.Error.WriteLine("  " + failure);
        }

        return 1;
    }

    private static string? ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WasmMarshal.Benchmarks.csproj")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
