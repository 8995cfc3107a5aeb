using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace WasmMarshal.Generators.Tests.Support;

/// <summary>
/// Checks that the generator's pipeline caches: after an unrelated edit, every output of the tracked model steps is
/// Cached or Unchanged, and no model holds a symbol, a syntax node or a compilation (which would root the compilation
/// and defeat caching). The object-graph walk follows NetEscapades.EnumGenerators' test helper.
/// </summary>
public static class IncrementalAssert
{
    private static readonly string[] TrackedNames =
    {
        WasmMarshalGenerator.TrackingNames.ImportModels,
        WasmMarshalGenerator.TrackingNames.ExportModels,
    };

    private static readonly Type[] ForbiddenTypes = { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation) };

    /// <summary>
    /// Runs <paramref name="first"/>'s driver again over its input plus an unrelated syntax tree, and checks the tracked
    /// steps of both runs. Returns the second run.
    /// </summary>
    public static GeneratorRun CachesAcrossUnrelatedEdit(GeneratorRun first)
    {
        var trackedFirst = Tracked(first.Result);
        Assert.True(trackedFirst.Count > 0,
            $"The first run has no tracked {string.Join(" or ", TrackedNames)} steps; did the snippet declare an interface?");
        AssertNoForbiddenValues(trackedFirst);

        var edited = first.Input.AddSyntaxTrees(GeneratorHarness.Parse("internal sealed class Unrelated { }\n", "Unrelated.cs"));
        var second = GeneratorHarness.Run(edited, first.Driver);

        var trackedSecond = Tracked(second.Result);
        Assert.Equal(
            trackedFirst.ToDictionary(p => p.Key, p => p.Value.Length).OrderBy(p => p.Key),
            trackedSecond.ToDictionary(p => p.Key, p => p.Value.Length).OrderBy(p => p.Key));
        foreach (var (name, steps) in trackedSecond)
        {
            foreach (var step in steps)
            {
                foreach (var (value, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"A {name} output was {reason} after an unrelated edit: {value}");
                }
            }
        }

        AssertNoForbiddenValues(trackedSecond);
        Assert.Equal(first.CombinedSource, second.CombinedSource);
        return second;
    }

    private static Dictionary<string, IncrementalGeneratorRunStep[]> Tracked(GeneratorRunResult result) =>
        result.TrackedSteps
            .Where(p => TrackedNames.Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value.ToArray());

    private static void AssertNoForbiddenValues(Dictionary<string, IncrementalGeneratorRunStep[]> tracked)
    {
        foreach (var (name, steps) in tracked)
        {
            foreach (var step in steps)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    NoSymbolsOrSyntax(value, name);
                }
            }
        }
    }

    /// <summary>
    /// Fails if <paramref name="value"/>, or anything reachable from it through fields and array elements, is (or is
    /// declared as) an <see cref="ISymbol"/>, a <see cref="SyntaxNode"/> or a <see cref="Compilation"/>.
    /// </summary>
    public static void NoSymbolsOrSyntax(object? value, string path) =>
        AssertGraph(value, path, new HashSet<object>(ReferenceEqualityComparer.Instance));

    /// <summary>Walks <paramref name="node"/>'s fields (so also auto-property backing fields) and enumerable elements.</summary>
    private static void AssertGraph(object? node, string path, HashSet<object> visited)
    {
        if (node is null)
        {
            return;
        }

        var type = node.GetType();
        foreach (var forbidden in ForbiddenTypes)
        {
            Assert.False(forbidden.IsAssignableFrom(type), $"{path} is a {type.FullName}, which is a {forbidden.Name}.");
        }

        if (type.IsPrimitive || type.IsEnum || node is string or decimal or DateTime or Type)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(node))
        {
            return;
        }

        // Arrays hold the elements of ImmutableArray<T> and so of EquatableArray<T>; other collections are reached
        // through their fields (enumerating a default ImmutableArray would throw).
        if (node is Array array)
        {
            int index = 0;
            foreach (object? element in array)
            {
                AssertGraph(element, $"{path}[{index++}]", visited);
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                foreach (var forbidden in ForbiddenTypes)
                {
                    Assert.False(forbidden.IsAssignableFrom(field.FieldType),
                        $"{path}.{field.Name} is declared as {field.FieldType.FullName}, which is a {forbidden.Name}.");
                }

                AssertGraph(field.GetValue(node), path + "." + field.Name, visited);
            }
        }
    }
}
