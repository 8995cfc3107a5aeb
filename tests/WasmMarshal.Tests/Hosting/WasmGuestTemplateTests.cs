using System;
using System.Linq;
using System.Threading.Tasks;
using Wasmtime;
using WasmMarshal.Hosting;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Hosting;

public sealed class WasmGuestTemplateTests
{
    // Slots decommit all memory on reuse (Wasmtime's default) ...
    private static readonly Lazy<Engine> s_pluginEngine = new(() => WasmEngines.ForPlugins(new PluginEngineOptions { MaxInstances = 32, KeepResidentBytes = 0 }));

    // ... or keep their first 128 KiB resident (reset by memset; the recipe's default): 2 pages, all the stateful guest grows to.
    private static readonly Lazy<Engine> s_residentEngine = new(() => WasmEngines.ForPlugins(new PluginEngineOptions { MaxInstances = 8 }));

    static WasmGuestTemplateTests() => TemplateLogOnce.Register();

    public enum EngineKind
    {
        Moving,
        Plugins,
        PluginsKeepingMemoryResident,
    }

    private static Engine EngineOf(EngineKind kind) => kind switch
    {
        EngineKind.Moving => TestGuests.MovingEngine,
        EngineKind.Plugins => s_pluginEngine.Value,
        _ => s_residentEngine.Value,
    };

    private static Module Quickstart(Engine engine) => Module.FromFile(engine, TestGuests.PathOf("quickstart"));

    private static Module Stateful(Engine engine) => Module.FromText(engine, "stateful", StatefulGuest.Wat);

    [Theory]
    [InlineData(EngineKind.Moving)]
    [InlineData(EngineKind.Plugins)]
    public void An_instance_from_a_template_behaves_as_one_from_the_builder(EngineKind kind)
    {
        var engine = EngineOf(kind);
        using var module = Quickstart(engine);
        var builderLog = new TemplateLog();
        var templateLog = new TemplateLog();
        using var built = WasmGuest.Builder(engine, module).Export<ITemplateLog>(builderLog).Instantiate();
        using var template = WasmGuest.Builder(engine, module).Export<ITemplateLog>(templateLog).Prepare();
        using var fromTemplate = template.Instantiate();

        var expected = built.Import<ITemplateQuickStart>();
        var actual = fromTemplate.Import<ITemplateQuickStart>();
        Assert.Equal(42, actual.Add(2, 40));
        Assert.Equal(expected.Greet("Wasm ✓"), actual.Greet("Wasm ✓"));
        Assert.Equal("Hello, Wasm ✓! (from C)", actual.Greet("Wasm ✓"));
        Assert.Equal(["greet called", "greet called"], templateLog.Messages);
        Assert.Equal(built.Allocator.GetType(), fromTemplate.Allocator.GetType());
        Assert.Equal(built.Profile.Allocator, fromTemplate.Profile.Allocator);
        Assert.True(template.SharesLinker); // the generated binder has the define-once form
        Assert.True(template.UsesInstancePre);
    }

    [Fact]
    public void The_generated_binder_defines_once_and_each_call_reaches_the_instance_that_made_it()
    {
        var log = new TemplateLog();
        using var module = Stateful(TestGuests.MovingEngine);
        using var template = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLog>(log).Prepare();
        Assert.True(WasmMarshal.Binding.WasmBindings.GetExport<ITemplateLog>().CanDefineOnce);
        Assert.True(template.SharesLinker);

        using var first = template.Instantiate();
        using var second = template.Instantiate();
        Assert.Same(first.Linker, second.Linker);

        // The same address holds a different text in each instance, and the instances call in turn: each call must
        // read the memory of the instance that called, not of the first or the last one made.
        first.Memory.Memory.WriteString(100, "first");
        second.Memory.Memory.WriteString(100, "second!");
        second.Import<IStatefulGuest>().Say(100, 7);
        first.Import<IStatefulGuest>().Say(100, 5);
        second.Import<IStatefulGuest>().Say(100, 6);
        Assert.Equal(["second!", "first", "second"], log.Messages);
    }

    [Fact]
    public void A_define_once_function_bounds_checks_against_the_calling_instances_memory()
    {
        // The second instance grew its memory, the first did not: a string past the first one's end must trap in the
        // first, naming the method and parameter, while the same call in the second succeeds.
        var log = new TemplateLog();
        using var module = Stateful(TestGuests.MovingEngine);
        using var template = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLog>(log).Prepare();
        using var first = template.Instantiate();
        using var second = template.Instantiate();
        second.Memory.Memory.Grow(1);
        second.Memory.Memory.WriteString(70000, "grown");
        second.Import<IStatefulGuest>().Say(70000, 5);
        var error = Assert.ThrowsAny<WasmCallException>(() => first.Import<IStatefulGuest>().Say(70000, 5));
        Assert.Contains("ITemplateLog.Log", error.ToString());
        Assert.Contains("message", error.ToString());
        Assert.Equal(["grown"], log.Messages);
    }

    [Fact]
    public void A_binder_without_the_define_once_form_gets_a_linker_per_instance()
    {
        var log = new TemplateLog();
        using var module = Stateful(TestGuests.MovingEngine);
        using var template = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLogPerInstance>(log).Prepare();
        Assert.False(template.SharesLinker);
        using var first = template.Instantiate();
        using var second = template.Instantiate();
        Assert.NotSame(first.Linker, second.Linker);
        first.Memory.Memory.WriteString(100, "first");
        second.Memory.Memory.WriteString(100, "second!");
        second.Import<IStatefulGuest>().Say(100, 7);
        first.Import<IStatefulGuest>().Say(100, 5);
        Assert.Equal(["second!", "first"], log.Messages);
    }

    [Fact]
    public void A_define_once_binder_shares_one_linker_and_reaches_each_instance_through_its_store()
    {
        var log = new TemplateLog();
        using var module = Stateful(TestGuests.MovingEngine);
        using var template = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLogOnce>(log).Prepare();
        Assert.True(template.SharesLinker);

        using var first = template.Instantiate();
        using var second = template.Instantiate();
        Assert.Same(first.Linker, second.Linker);

        // The same address holds a different text in each instance: each call must read its own instance's memory.
        first.Memory.Memory.WriteString(100, "first");
        second.Memory.Memory.WriteString(100, "second!");
        second.Import<IStatefulGuest>().Say(100, 7);
        first.Import<IStatefulGuest>().Say(100, 5);
        Assert.Equal(["second!", "first"], log.Messages);
    }

    [Theory]
    [InlineData(EngineKind.Moving, false)]
    [InlineData(EngineKind.Moving, true)]
    [InlineData(EngineKind.Plugins, false)]
    [InlineData(EngineKind.Plugins, true)]
    [InlineData(EngineKind.PluginsKeepingMemoryResident, false)]
    [InlineData(EngineKind.PluginsKeepingMemoryResident, true)]
    public void A_fresh_instance_never_sees_the_previous_instances_memory_or_globals(EngineKind kind, bool shared)
    {
        var engine = EngineOf(kind);
        using var module = Stateful(engine);
        var builder = WasmGuest.Builder(engine, module);
        using var template = shared ? builder.Export<ITemplateLog>(new TemplateLog()).Prepare() : builder.Export<ITemplateLogPerInstance>(new TemplateLog()).Prepare();
        Assert.Equal(shared, template.SharesLinker);

        for (int round = 0; round < 3; round++)
        {
            // With the pooling engine the next instance takes the slot this one leaves: its memory must be reset.
            using var guest = template.Instantiate();
            var state = guest.Import<IStatefulGuest>();
            Assert.Equal(1, state.Bump());
            Assert.Equal(0, state.Peek(4096));
            Assert.Equal(StatefulGuest.Seed, state.Peek(StatefulGuest.SeedAddress));
            Assert.Equal(1, guest.Instance.GetGlobal("counter")!.GetValue());

            state.Bump();
            state.Poke(4096, 0x5A5A5A5A);
            state.Poke(StatefulGuest.SeedAddress, -1);
            guest.Memory.Memory.WriteByte(60000, 7);

            // A page grown and dirtied: the next instance starts at one page again, and grows a zeroed one.
            Assert.Equal(1L, guest.Memory.Memory.GetSize());
            guest.Memory.Memory.Grow(1);
            guest.Memory.Memory.WriteByte(100000, 9);
        }

        using var last = template.Instantiate();
        Assert.Equal(0, last.Memory.Memory.ReadByte(60000));
        Assert.Equal(1L, last.Memory.Memory.GetSize());
        last.Memory.Memory.Grow(1);
        Assert.Equal(0, last.Memory.Memory.ReadByte(100000));
    }

    [Fact]
    public void Instances_can_be_made_from_many_threads_at_once()
    {
        var log = new TemplateLog();
        using var module = Stateful(s_pluginEngine.Value);
        using var template = WasmGuest.Builder(s_pluginEngine.Value, module).Export<ITemplateLogOnce>(log).Prepare();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using var guest = template.Instantiate();
            string text = "n" + i;
            guest.Memory.Memory.WriteString(200, text);
            var state = guest.Import<IStatefulGuest>();
            state.Say(200, text.Length);
            Assert.Equal(1, state.Bump());
        });
        Assert.Equal(Enumerable.Range(0, 64).Select(i => "n" + i).Order(), log.Messages.Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_template_validates_the_imports_when_prepared(bool shared)
    {
        // env.log with one parameter too many: neither binder fits.
        string wat = StatefulGuest.Wat.Replace("(func $log (param i32 i32))", "(func $log (param i32 i32 i32))")
            .Replace("local.get 0 local.get 1 call $log", "local.get 0 local.get 1 local.get 1 call $log");
        using var module = Module.FromText(TestGuests.MovingEngine, "stateful-bad-log", wat);
        var builder = WasmGuest.Builder(TestGuests.MovingEngine, module);
        builder = shared ? builder.Export<ITemplateLog>(new TemplateLog()) : builder.Export<ITemplateLogPerInstance>(new TemplateLog());
        var error = Assert.Throws<WasmBindingException>(() => builder.Prepare());
        Assert.Contains("env.log", error.Message);
        Assert.Contains("(i32, i32) -> ()", error.Message);
    }

    [Fact]
    public void A_template_refuses_a_store_or_linker_of_the_callers()
    {
        using var module = Stateful(TestGuests.MovingEngine);
        using var store = new Store(TestGuests.MovingEngine);
        using var linker = new Linker(TestGuests.MovingEngine);
        Assert.Throws<InvalidOperationException>(() => WasmGuest.Builder(TestGuests.MovingEngine, module).WithStore(store).Prepare());
        Assert.Throws<InvalidOperationException>(() => WasmGuest.Builder(TestGuests.MovingEngine, module).WithLinker(linker).Prepare());
    }

    [Fact]
    public void Changing_the_builder_after_prepare_does_not_change_the_template()
    {
        using var module = Stateful(TestGuests.MovingEngine);
        var first = new TemplateLog();
        var builder = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLogOnce>(first);
        using var template = builder.Prepare();
        builder.Export<ITemplateLogOnce>(new TemplateLog()).CallInitialize(false);

        using var guest = template.Instantiate();
        guest.Memory.Memory.WriteString(0, "hi");
        guest.Import<IStatefulGuest>().Say(0, 2);
        Assert.Equal(["hi"], first.Messages);
    }

    [Fact]
    public void A_mismatched_interface_is_reported_on_every_bind_not_only_the_first()
    {
        // The binder remembers only interfaces that fit: a misfit is checked (and reported) every time.
        using var module = Stateful(TestGuests.MovingEngine);
        using var template = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLogOnce>(new TemplateLog()).Prepare();
        using var first = template.Instantiate();
        using var second = template.Instantiate();
        Assert.Contains("add", Assert.Throws<WasmBindingException>(() => first.Import<ITemplateQuickStart>()).Message);
        Assert.Contains("add", Assert.Throws<WasmBindingException>(() => second.Import<ITemplateQuickStart>()).Message);
        Assert.Equal(1, first.Import<IStatefulGuest>().Bump());
        Assert.Equal(1, second.Import<IStatefulGuest>().Bump());
    }

    [Fact]
    public void The_plugin_engine_limits_how_far_a_memory_grows()
    {
        using var engine = WasmEngines.ForPlugins(new PluginEngineOptions { MaxInstances = 2, MaxMemoryBytes = 4 * 65536 });
        using var module = Stateful(engine);
        using var template = WasmGuest.Builder(engine, module).Export<ITemplateLogOnce>(new TemplateLog()).Prepare();
        using var guest = template.Instantiate();
        Assert.Equal(1, guest.Memory.Memory.Grow(3)); // 1 → 4 pages fits
        Assert.Throws<WasmtimeException>(() => guest.Memory.Memory.Grow(1));

        using var second = template.Instantiate();
        // Two instances at most: a third is refused, as a binding failure naming the limit.
        var error = Assert.Throws<WasmBindingException>(() => template.Instantiate());
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public void A_shared_linker_instantiates_through_instance_pre()
    {
        using var module = Stateful(TestGuests.MovingEngine);
        using var template = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLogOnce>(new TemplateLog()).Prepare();
        Assert.True(template.UsesInstancePre);
        using var guest = template.Instantiate();
        Assert.Equal(1, guest.Import<IStatefulGuest>().Bump());
    }

    private sealed class ThrowingLog : ITemplateLog, ITemplateLogOnce, ITemplateLogPerInstance
    {
        public void Log(string message) => throw new InvalidOperationException("log refused: " + message);
    }

    [Theory]
    [InlineData("unreachable", typeof(WasmTrapException))]
    [InlineData("i32.const 0 i32.const 2 call $log", typeof(WasmHostCallbackException))]
    public void A_failing_start_function_fails_the_same_way_from_a_template_as_from_the_builder(string start, Type expected)
    {
        string wat = StatefulGuest.Wat.Replace("(memory (export \"memory\") 1)",
            "(memory (export \"memory\") 1) (func $start " + start + ") (start $start)");
        using var module = Module.FromText(TestGuests.MovingEngine, "stateful-start", wat);
        var fromBuilder = Assert.ThrowsAny<WasmCallException>(() =>
            WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLog>(new ThrowingLog()).Instantiate());
        using var shared = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLog>(new ThrowingLog()).Prepare();
        using var perInstance = WasmGuest.Builder(TestGuests.MovingEngine, module).Export<ITemplateLogPerInstance>(new ThrowingLog()).Prepare();
        Assert.True(shared.UsesInstancePre);
        foreach (var template in new[] { shared, perInstance })
        {
            var fromTemplate = Assert.ThrowsAny<WasmCallException>(() => template.Instantiate());
            Assert.IsType(expected, fromTemplate);
            Assert.Equal(fromBuilder.GetType(), fromTemplate.GetType());
            Assert.Equal(fromBuilder.Method, fromTemplate.Method);
            Assert.Equal("stateful-start.(start function)", fromTemplate.Method);
        }
    }
}
