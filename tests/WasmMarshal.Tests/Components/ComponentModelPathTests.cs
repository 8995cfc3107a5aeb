using System.Collections.Generic;
using System.IO;
using Wasmtime.Components;
using WasmMarshal.Components;
using WasmMarshal.Tests.ComponentModel;
using Xunit;

namespace WasmMarshal.Tests.Components;

/// <summary>
/// The component-model path hands out what <see cref="ComponentModelBindings"/> has registered: host definitions go
/// into the component linker before instantiation, stubs are made from the <see cref="ComponentModelGuest"/>. The
/// interfaces here are plain (no generator attributes) and registered by hand, so the test does not depend on the
/// generated component-model stubs.
/// </summary>
public sealed class ComponentModelPathTests
{
    static ComponentModelPathTests()
    {
        ComponentModelBindings.RegisterExport<IHandWrittenHost>((linker, host) =>
        {
            using var root = linker.Root();
            using var instance = root.AddInstance(TestWit.Host);
            instance.DefineFunction("log", (arguments, results) => host.Log(arguments[0].AsString()));
            instance.DefineFunction("prefix", (arguments, results) => results[0] = ComponentValue.String(host.Prefix()));
        });
        ComponentModelBindings.RegisterImport<IHandWrittenGreeter>(guest => new HandWrittenGreeter(guest));
    }

    [Fact]
    public void Host_definitions_and_stubs_come_from_the_component_model_registry()
    {
        using var component = WasmComponent.FromBytes(CanonicalGuests.ComponentEngine,
            File.ReadAllBytes(CanonicalGuests.ComponentPath(CanonicalGuests.C)),
            new ComponentLoadOptions { ForcePath = ComponentBindingPath.ComponentModel });
        var host = new HandWrittenHost();
        using var instance = component.Builder().WithHost<IHandWrittenHost>(host).Instantiate();

        var greeter = instance.Import<IHandWrittenGreeter>();

        Assert.Same(instance.ComponentModel, ((HandWrittenGreeter)greeter).Guest);
        Assert.Equal("Moin, Grace", greeter.Greet("Grace"));
        Assert.Single(host.Logged);
    }

    public interface IHandWrittenHost
    {
        void Log(string message);

        string Prefix();
    }

    public interface IHandWrittenGreeter
    {
        string Greet(string name);
    }

    private sealed class HandWrittenHost : IHandWrittenHost
    {
        public List<string> Logged { get; } = new();

        public void Log(string message) => Logged.Add(message);

        public string Prefix() => "Moin, ";
    }

    private sealed class HandWrittenGreeter : IHandWrittenGreeter
    {
        public HandWrittenGreeter(ComponentModelGuest guest) => Guest = guest;

        public ComponentModelGuest Guest { get; }

        public string Greet(string name) =>
            Guest.Instance.GetFunction(TestWit.Api, "greet")!.Call(ComponentValue.String(name))!.AsString();
    }
}
