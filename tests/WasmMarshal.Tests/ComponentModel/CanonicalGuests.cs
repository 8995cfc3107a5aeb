using System;
using System.Collections.Generic;
using System.IO;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Tests.Support;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// The two canonical-ABI guests of guests/component, as core modules (on <see cref="TestGuests.MovingEngine"/>, for
/// the canonical stubs) and as the components jco made of them (on an engine with the component model, memory moving
/// too), each compiled once per test run.
/// </summary>
public static class CanonicalGuests
{
    public const string C = "canon_c";
    public const string Rust = "canon_rust";

    private static readonly Lazy<Engine> s_componentEngine = new(() => new Engine(new Config()
        .WithComponentModel(true).WithStaticMemoryMaximumSize(0).WithMemoryReservationForGrowth(0)));

    private static readonly Dictionary<string, Component> s_components = new();

    public static Engine ComponentEngine => s_componentEngine.Value;

    public static string ComponentPath(string name) =>
        Path.Combine(AppContext.BaseDirectory, "guests", "components", name + ".wasm");

    public static CoreCanonicalApi Core(string name, TestHost host) => new(TestGuests.MovingEngine, TestGuests.Load(name), host);

    public static ComponentApi Component(string name, TestHost host)
    {
        Component component;
        lock (s_components)
        {
            if (!s_components.TryGetValue(name, out component!))
            {
                component = Wasmtime.Components.Component.FromBytes(ComponentEngine, File.ReadAllBytes(ComponentPath(name)));
                s_components[name] = component;
            }
        }

        return new ComponentApi(ComponentEngine, component, host);
    }

    public static IEnumerable<object[]> Both() => new[] { new object[] { C }, new object[] { Rust } };
}
