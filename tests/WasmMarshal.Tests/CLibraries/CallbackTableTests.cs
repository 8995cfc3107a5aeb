using System;
using System.Text;
using Wasmtime;
using WasmMarshal.Callbacks;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.CLibraries;

/// <summary><c>int (*)(int)</c>.</summary>
public delegate int IntTransform(int x);

/// <summary><c>void (*)(const char *text, size_t len)</c>.</summary>
public delegate void TextSink(string text);

/// <summary><c>void (*)(uint8_t *buffer, size_t len)</c>: the host fills the guest's buffer.</summary>
public delegate void BufferFiller(Span<byte> buffer);

/// <summary>The WAT guest of <see cref="CallbackTableTests"/>: C-style functions that take function pointers.</summary>
[WasmImport]
public partial interface ICallbackGuest
{
    /// <summary><c>int apply(int (*f)(int), int x) { return f(x); }</c></summary>
    int Apply(IntTransform f, int x);

    /// <summary>Like <see cref="Apply"/>, and keeps <c>f</c> for <see cref="CallKept"/>, as a misbehaving library might.</summary>
    int ApplyAndKeep(IntTransform f, int x);

    /// <summary><c>void keep(int (*f)(int))</c>: stores the pointer, as expat's XML_SetElementHandler does.</summary>
    void Keep(WasmCallback<IntTransform> f);

    /// <summary>Calls the stored pointer.</summary>
    int CallKept(int x);

    /// <summary>Calls <c>f</c> through the type of <see cref="TextSink"/>: a signature mismatch.</summary>
    void CallKeptAsSink();

    int Double(int x);

    /// <summary>Calls <c>sink("hello", 5)</c> with the text at address 16.</summary>
    void Greet(TextSink sink);

    /// <summary>Calls <c>sink</c> with a pointer and length that reach past the end of memory.</summary>
    void GreetOutOfBounds(TextSink sink);

    /// <summary>Calls <c>fill(16, 5)</c>, then returns the sum of the five bytes.</summary>
    int FillAndSum(BufferFiller fill);

    /// <summary><c>memory.grow</c>.</summary>
    int Grow(int pages);
}

/// <summary>
/// Host callbacks in a guest's function table, on a WAT guest whose behaviour is spelled out in its text: per-call
/// delegates released after the call, registered callbacks released on dispose, re-entrancy, memory growth inside a
/// callback, a throwing callback, stale indexes and tables that cannot take callbacks.
/// </summary>
public sealed class CallbackTableTests : IDisposable
{
    private const string Functions = """
          (type $i2i (func (param i32) (result i32)))
          (type $sink (func (param i32 i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "hello")
          (global $kept (mut i32) (i32.const 0))
          (func (export "apply") (param $f i32) (param $x i32) (result i32)
            local.get $x
            local.get $f
            call_indirect (type $i2i))
          (func (export "apply_and_keep") (param $f i32) (param $x i32) (result i32)
            local.get $f
            global.set $kept
            local.get $x
            local.get $f
            call_indirect (type $i2i))
          (func (export "keep") (param $f i32)
            local.get $f
            global.set $kept)
          (func (export "call_kept") (param $x i32) (result i32)
            local.get $x
            global.get $kept
            call_indirect (type $i2i))
          (func (export "call_kept_as_sink")
            i32.const 16
            i32.const 5
            global.get $kept
            call_indirect (type $sink))
          (func (export "double") (param $x i32) (result i32)
            local.get $x
            i32.const 2
            i32.mul)
          (func (export "greet") (param $f i32)
            i32.const 16
            i32.const 5
            local.get $f
            call_indirect (type $sink))
          (func (export "greet_out_of_bounds") (param $f i32)
            i32.const 65530
            i32.const 100
            local.get $f
            call_indirect (type $sink))
          (func (export "fill_and_sum") (param $f i32) (result i32)
            i32.const 16
            i32.const 5
            local.get $f
            call_indirect (type $sink)
            (i32.add (i32.add (i32.add (i32.add
              (i32.load8_u (i32.const 16)) (i32.load8_u (i32.const 17))) (i32.load8_u (i32.const 18)))
              (i32.load8_u (i32.const 19))) (i32.load8_u (i32.const 20))))
          (func (export "grow") (param $pages i32) (result i32)
            local.get $pages
            memory.grow)
        """;

    /// <summary>A growable table (no maximum), exported under clang's name, with slot 0 empty as wasm-ld leaves it.</summary>
    private const string GrowableTable = """(table (export "__indirect_function_table") 1 funcref)""";

    private readonly WasmGuest _guest;

    public CallbackTableTests() => _guest = Instantiate(GrowableTable);

    public void Dispose() => _guest.Dispose();

    private static WasmGuest Instantiate(string table, TrapPolicy policy = TrapPolicy.Poison) =>
        WasmGuest.Builder(TestGuests.MovingEngine, Module.FromText(TestGuests.MovingEngine, "callbacks", "(module " + table + Functions + ")"))
            .WithTrapPolicy(policy)
            .Instantiate();

    private ICallbackGuest Guest => _guest.Import<ICallbackGuest>();

    private int SlotsInUse => WasmCallbackTable.For(_guest, "test", "test").InUse;

    [Fact]
    public void A_per_call_delegate_is_called_by_the_guest_and_its_slot_released_after_the_call()
    {
        Assert.Equal(43, Guest.Apply(x => x + 1, 42));
        Assert.Equal(0, SlotsInUse);
        Assert.Equal(-7, Guest.Apply(x => -x, 7));
        Assert.Equal(0, SlotsInUse);
    }

    [Fact]
    public void Per_call_delegates_reuse_one_host_function_per_delegate_type_and_depth()
    {
        // Wasmtime keeps a host function until the store is disposed: one per call would grow the store without bound.
        var guest = Guest;
        for (int i = 0; i < 200; i++)
        {
            int k = i;
            Assert.Equal(i + 1, guest.Apply(x => x + k, 1));
        }

        var table = WasmCallbackTable.For(_guest, "test", "test");
        Assert.Equal(1, table.FunctionsCreated);

        // Two at once need two; afterwards both are kept for reuse.
        Assert.Equal(7, guest.Apply(x => guest.Apply(y => y * 3, x) + 1, 2));
        Assert.Equal(2, table.FunctionsCreated);
        Assert.Equal(7, guest.Apply(x => guest.Apply(y => y * 3, x) + 1, 2));
        Assert.Equal(2, table.FunctionsCreated);
    }

    [Fact]
    public void A_callback_can_call_back_into_the_guest_and_nest_another_callback()
    {
        var guest = Guest;
        Assert.Equal(11, guest.Apply(x => guest.Double(x) + 1, 5));

        // Two live slots at once: the inner one is released when the inner call ends, the outer one after.
        int inUseInside = -1;
        Assert.Equal(7, guest.Apply(x => guest.Apply(y => { inUseInside = SlotsInUse; return y * 3; }, x) + 1, 2));
        Assert.Equal(2, inUseInside);
        Assert.Equal(0, SlotsInUse);
    }

    [Fact]
    public void A_callback_that_grows_memory_still_gets_its_arguments_and_writes_back_through_a_fresh_view()
    {
        var guest = Guest;
        string? received = null;
        guest.Greet(text =>
        {
            int before = guest.Grow(4); // on the moving engine the base address moves
            Assert.True(before > 0);
            received = text;
        });
        Assert.Equal("hello", received);

        // The span is copied back after the delegate returns, into memory that moved while it ran.
        int sum = guest.FillAndSum(buffer =>
        {
            guest.Grow(4);
            "HELLO"u8.CopyTo(buffer);
        });
        Assert.Equal('H' + 'E' + 'L' + 'L' + 'O', sum);
        Assert.Equal("HELLO"u8.ToArray(), _guest.Memory.View().Bytes(16, 5, "test", "test").ToArray());
    }

    [Fact]
    public void A_callback_that_throws_surfaces_as_the_original_exception_and_its_slot_is_released()
    {
        using var guest = Instantiate(GrowableTable, TrapPolicy.Continue);
        var calls = guest.Import<ICallbackGuest>();
        var thrown = Assert.Throws<WasmHostCallbackException>(() => calls.Apply(_ => throw new FormatException("bad input"), 1));
        var inner = Assert.IsType<FormatException>(thrown.InnerException);
        Assert.Equal("bad input", inner.Message);
        Assert.Equal("ICallbackGuest.Apply", thrown.Method);
        Assert.Equal(0, WasmCallbackTable.For(guest, "test", "test").InUse);

        // This guest keeps no state across the unwound frames, so under TrapPolicy.Continue it goes on working.
        Assert.Equal(9, calls.Apply(x => x * x, 3));
    }

    [Fact]
    public void Arguments_of_a_callback_are_bounds_checked_and_the_failure_names_the_callback_and_parameter()
    {
        var thrown = Assert.Throws<WasmHostCallbackException>(() => Guest.GreetOutOfBounds(_ => Assert.Fail("must not be called")));
        var memory = Assert.IsType<WasmGuestMemoryException>(thrown.InnerException);
        Assert.Contains("TextSink", memory.Message);
        Assert.Contains("text", memory.Message);
        Assert.Equal(0, SlotsInUse);
    }

    [Fact]
    public void A_per_call_index_the_guest_kept_traps_once_the_call_is_over()
    {
        var guest = Guest;
        Assert.Equal(4, guest.ApplyAndKeep(x => x * 2, 2));
        var trap = Assert.Throws<WasmTrapException>(() => guest.CallKept(2));
        Assert.Equal(TrapCode.IndirectCallToNull, trap.Code);
    }

    [Fact]
    public void A_registered_callback_lives_until_disposed_then_a_stale_call_traps_and_never_reaches_another_callback()
    {
        using var guest = Instantiate(GrowableTable, TrapPolicy.Continue);
        var calls = guest.Import<ICallbackGuest>();
        int firstCalls = 0;
        var first = WasmCallback.Register<IntTransform>(guest, x => { firstCalls++; return x + 100; });
        calls.Keep(first);
        Assert.Equal(101, calls.CallKept(1));
        Assert.Equal(102, calls.CallKept(2));
        uint staleIndex = first.TableIndex;
        first.Dispose();
        first.Dispose();
        Assert.Throws<ObjectDisposedException>(() => first.TableIndex);
        Assert.Throws<ObjectDisposedException>(() => calls.Keep(first));

        // A new registration takes another slot (released slots are reused last), so the stale pointer still traps.
        using var second = WasmCallback.Register<IntTransform>(guest, x => -x);
        Assert.NotEqual(staleIndex, second.TableIndex);
        var trap = Assert.Throws<WasmTrapException>(() => calls.CallKept(3));
        Assert.Equal(TrapCode.IndirectCallToNull, trap.Code);
        Assert.Equal(2, firstCalls);
        calls.Keep(second);
        Assert.Equal(-3, calls.CallKept(3));
    }

    [Fact]
    public void A_guest_that_calls_a_callback_through_another_function_type_traps()
    {
        using var kept = WasmCallback.Register<IntTransform>(_guest, x => x);
        Guest.Keep(kept);
        var trap = Assert.Throws<WasmTrapException>(() => Guest.CallKeptAsSink());
        Assert.Equal(TrapCode.BadSignature, trap.Code);
    }

    [Fact]
    public void A_registered_callback_belongs_to_one_guest()
    {
        using var other = Instantiate(GrowableTable);
        using var callback = WasmCallback.Register<IntTransform>(other, x => x);
        var error = Assert.Throws<ArgumentException>(() => Guest.Keep(callback));
        Assert.Equal("f", error.ParamName);
    }

    [Fact]
    public void A_null_per_call_delegate_is_refused_before_the_guest_runs()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Guest.Apply(null!, 1));
        Assert.Equal("f", error.ParamName);
    }

    [Fact]
    public void Many_callbacks_grow_the_table_and_each_keeps_its_own_slot()
    {
        var registered = new WasmCallback<IntTransform>[40];
        for (int i = 0; i < registered.Length; i++)
        {
            int k = i;
            registered[i] = WasmCallback.Register<IntTransform>(_guest, x => x + k);
        }

        for (int i = 0; i < registered.Length; i++)
        {
            Guest.Keep(registered[i]);
            Assert.Equal(1000 + i, Guest.CallKept(1000));
            Assert.NotEqual(0u, registered[i].TableIndex);
        }

        foreach (var callback in registered)
        {
            callback.Dispose();
        }

        Assert.Equal(0, SlotsInUse);
    }

    [Fact]
    public void A_NUL_terminated_array_of_strings_is_read_with_every_pointer_checked()
    {
        // At 64: { 16 ("hello"), 16, NULL }.
        var view = _guest.Memory.View();
        view.Write<uint>(64, 16, "test", "test");
        view.Write<uint>(68, 16, "test", "test");
        view.Write<uint>(72, 0, "test", "test");
        Assert.Equal(new[] { "hello", "hello" }, GuestCStrings.ReadArray(_guest, 64, "Start", "atts"));
        Assert.Empty(GuestCStrings.ReadArray(_guest, 0, "Start", "atts"));
        Assert.Equal("hello", GuestCStrings.Read(_guest, 16, "Start", "name"));

        // A wild string pointer.
        view.Write<uint>(128, 0x7878_7878, "test", "test");
        view.Write<uint>(132, 0, "test", "test");
        var wild = Assert.Throws<WasmGuestMemoryException>(() => GuestCStrings.ReadArray(_guest, 128, "Start", "atts"));
        Assert.Equal("Start", wild.Method);
        Assert.Equal("atts", wild.Parameter);

        // A string with no NUL before the end of memory.
        view.Write<uint>(65532, 0x7878_7878, "test", "test");
        view.Write<uint>(128, 65532, "test", "test");
        var unterminated = Assert.Throws<WasmGuestDataException>(() => GuestCStrings.ReadArray(_guest, 128, "Start", "atts"));
        Assert.Equal("atts", unterminated.Parameter);

        // An array whose last cell is the end of memory, with no NULL after it.
        view.Write<uint>(65532, 16, "test", "test");
        var noNull = Assert.Throws<WasmGuestMemoryException>(() => GuestCStrings.ReadArray(_guest, 65532, "Start", "atts"));
        Assert.Equal("atts", noNull.Parameter);
    }

    [Theory]
    [InlineData("(table 1 funcref)", "missing")]
    [InlineData("""(table (export "__indirect_function_table") 1 1 funcref)""", "not growable")]
    [InlineData("""(table (export "other_table") 1 funcref)""", "missing")]
    public void A_table_that_is_not_exported_or_cannot_grow_is_refused_at_bind_time_naming_method_and_parameter(string table, string problem)
    {
        using var guest = Instantiate(table);
        var error = Assert.Throws<WasmBindingException>(() => guest.Import<ICallbackGuest>());
        var mismatch = Assert.Single(error.Mismatches);
        Assert.Equal("__indirect_function_table", mismatch.Item);
        Assert.Equal("WasmMarshal.Tests.CLibraries.ICallbackGuest.Apply(f)", mismatch.Member);
        Assert.StartsWith(problem, mismatch.Actual);
        Assert.Contains("--growable-table", mismatch.Actual);

        var register = Assert.Throws<WasmBindingException>(() => WasmCallback.Register<IntTransform>(guest, x => x));
        Assert.Contains("IntTransform", register.Message);
    }
}
