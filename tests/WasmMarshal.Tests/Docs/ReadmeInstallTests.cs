using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace WasmMarshal.Tests.Docs;

/// <summary>
/// README.md's Install section tells a newcomer which <c>using</c> line brings which type (GuestAllocatorSource and
/// IGuestAllocator live in different namespaces). Every type it names must really be in that namespace.
/// </summary>
public sealed class ReadmeInstallTests
{
    [Fact]
    public void Every_type_the_install_section_names_is_in_the_namespace_of_its_using_line()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        Match install = Regex.Match(readme, @"^## Install\n(.*?)^## ", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(install.Success, "README.md has an Install section");
        Assert.Contains("dotnet add package WasmMarshal", install.Groups[1].Value);

        var assemblies = new[] { typeof(WasmGuest).Assembly, typeof(WasmMarshal.Allocation.IGuestAllocator).Assembly, typeof(Wasmtime.Engine).Assembly };
        var types = assemblies.SelectMany(a => a.GetExportedTypes()).ToList();
        var checkedNames = new List<string>();
        foreach (Match line in Regex.Matches(install.Groups[1].Value, @"^using ([\w.]+);\s*//(.*)$", RegexOptions.Multiline))
        {
            string ns = line.Groups[1].Value;
            foreach (Match name in Regex.Matches(line.Groups[2].Value, @"\b[A-Z]\w+\b"))
            {
                string type = name.Value;
                if (type is "Wasmtime" or "NET")
                {
                    continue;
                }

                Assert.True(
                    types.Any(t => t.Namespace == ns && (t.Name == type || t.Name == type + "Attribute")),
                    $"README.md says 'using {ns};' brings {type}, but {ns} has no public type {type}");
                checkedNames.Add(type);
            }
        }

        Assert.Contains("GuestAllocatorSource", checkedNames);
        Assert.Contains("IGuestAllocator", checkedNames);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marshal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Marshal.sln not found above " + AppContext.BaseDirectory);
    }
}
