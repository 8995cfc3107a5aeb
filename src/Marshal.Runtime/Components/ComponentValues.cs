using System;
using System.Collections.Generic;
using Wasmtime;
using Wasmtime.Components;

namespace WasmMarshal.Components;

/// <summary>
/// What the generated component-model stubs and host definitions call (the <see cref="ComponentBindingPath.ComponentModel"/>
/// path): C# values to and from Wasmtime .NET's dynamic <see cref="ComponentValue"/>s, with every failure a typed
/// exception naming the interface method and parameter. Generated code stays short because the checks live here.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static partial class ComponentValues
{
    /// <summary>Calls <paramref name="function"/>; what Wasmtime throws becomes the typed call exception.</summary>
    /// <remarks>
    /// Wasmtime type-checks the arguments against the component's function type. A mismatch (the component's WIT does
    /// not match the interface) is an error here, and Wasmtime then refuses every further call into the instance
    /// ("cannot enter component instance"), as it does after a trap: each such call fails with a
    /// <see cref="WasmCallException"/> too.
    /// </remarks>
    public static ComponentValue? Call(ComponentFunction function, string method, params ComponentValue[] arguments)
    {
        try
        {
            return function.Call(arguments);
        }
        catch (WasmtimeException e)
        {
            throw WasmCallException.FromWasmtime(e, method);
        }
        catch (ObjectDisposedException)
        {
            throw new WasmGuestDisposedException(method);
        }
    }

    /// <summary>Lifts the result of a call with <paramref name="lift"/>; a value of another type is a data error.</summary>
    public static T Result<T>(ComponentValue? result, string method, Func<ComponentValue, T> lift)
    {
        if (result is null)
        {
            throw new WasmGuestDataException(method, "return", "is missing: the component function returned no value.");
        }

        return Lift(result, method, "return", lift);
    }

    /// <summary>Lifts argument <paramref name="index"/> of a host function with <paramref name="lift"/>.</summary>
    public static T Argument<T>(ReadOnlySpan<ComponentValue> arguments, int index, string method, string parameter, Func<ComponentValue, T> lift)
    {
        if (index >= arguments.Length)
        {
            throw new WasmGuestDataException(method, parameter, $"is missing: the guest passed {arguments.Length} arguments.");
        }

        return Lift(arguments[index], method, parameter, lift);
    }

    private static T Lift<T>(ComponentValue value, string method, string parameter, Func<ComponentValue, T> lift)
    {
        try
        {
            return lift(value);
        }
        catch (Exception e) when (e is not WasmMarshalException)
        {
            // The As* accessors throw when the value is of another kind: the component's WIT does not match the interface.
            throw new WasmGuestDataException(method, parameter,
                $"does not have the interface's WIT type (the value is {Describe(value)}): {e.Message}", e);
        }
    }

    private static string Describe(ComponentValue value)
    {
        try
        {
            return "a " + value.Kind.ToString().ToLowerInvariant();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "unreadable";
        }
    }

    /// <summary>Applies <paramref name="body"/> to <paramref name="value"/>: lets generated expressions name a value once.</summary>
    public static TOut With<TIn, TOut>(TIn value, Func<TIn, TOut> body) => body(value);

    // ---- lowering (C# to component values) ----

    /// <summary>A string argument; null is an argument error.</summary>
    public static ComponentValue String(string? value, string parameter) =>
        ComponentValue.String(value ?? throw new ArgumentNullException(parameter));

    /// <summary>A <c>list&lt;T&gt;</c> argument from a span, one value per element.</summary>
    public static ComponentValue ListOfSpan<T>(ReadOnlySpan<T> items, Func<T, ComponentValue> lower)
    {
        var values = new ComponentValue[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            values[i] = lower(items[i]);
        }

        return ComponentValue.List(values);
    }

    /// <summary>A <c>list&lt;T&gt;</c> argument from a list or array; null is an argument error.</summary>
    public static ComponentValue ListOf<T>(IReadOnlyList<T>? items, string parameter, Func<T, ComponentValue> lower)
    {
        if (items is null)
        {
            throw new ArgumentNullException(parameter);
        }

        var values = new ComponentValue[items.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = lower(items[i]);
        }

        return ComponentValue.List(values);
    }

    /// <summary>A record field.</summary>
    public static KeyValuePair<string, ComponentValue> Field(string name, ComponentValue value) => new(name, value);

    /// <summary>An enum value; <paramref name="index"/> was checked by <c>CanonicalValue.LowerDiscriminant</c>.</summary>
    public static ComponentValue Enum(int index, string[] labels) => ComponentValue.Enum(labels[index]);

    /// <summary>A flags value; <paramref name="bits"/> were checked by <c>CanonicalValue.LowerFlags</c> (bit i is label i).</summary>
    public static ComponentValue Flags(int bits, string[] labels)
    {
        var set = new List<string>(labels.Length);
        for (int i = 0; i < labels.Length; i++)
        {
            if ((bits & (1 << i)) != 0)
            {
                set.Add(labels[i]);
            }
        }

        return ComponentValue.Flags(set);
    }

    /// <summary>A variant case without a payload.</summary>
    public static ComponentValue Case(string name) => ComponentValue.Variant(name, null!);

    /// <summary>A variant case with a payload.</summary>
    public static ComponentValue Case(string name, ComponentValue payload) => ComponentValue.Variant(name, payload);

    /// <summary>A variant case whose several positional values travel as one tuple payload.</summary>
    public static ComponentValue Case(string name, params ComponentValue[] payload) => ComponentValue.Variant(name, ComponentValue.Tuple(payload));

    /// <summary>A tuple.</summary>
    public static ComponentValue Tuple(params ComponentValue[] items) => ComponentValue.Tuple(items);

    /// <summary>A record, fields in declaration order.</summary>
    public static ComponentValue Record(params KeyValuePair<string, ComponentValue>[] fields) => ComponentValue.Record(fields);

    /// <summary>The <c>ok</c> case of a result (<paramref name="payload"/> null for a result without an ok type).</summary>
    public static ComponentValue Ok(ComponentValue? payload) => ComponentValue.Ok(payload!);

    /// <summary>The <c>error</c> case of a result (<paramref name="payload"/> null for a result without an error type).</summary>
    public static ComponentValue Error(ComponentValue? payload) => ComponentValue.Err(payload!);

    /// <summary>A null variant or result argument: the argument error the canonical stubs throw too.</summary>
    public static ComponentValue NullArgument(string parameter) => throw new ArgumentNullException(parameter);

    // ---- lifting (component values to C#) ----

    /// <summary>The index of an enum value's label; an unknown label is a data error.</summary>
    public static uint EnumIndex(ComponentValue value, string[] labels, string method, string parameter) =>
        IndexOf(value.AsEnum(), labels, "enum label", method, parameter);

    /// <summary>A flags value as bits (label i is bit i); an unknown label is a data error.</summary>
    public static uint FlagBits(ComponentValue value, string[] labels, string method, string parameter)
    {
        uint bits = 0;
        foreach (string name in value.AsFlags())
        {
            bits |= 1u << (int)IndexOf(name, labels, "flag", method, parameter);
        }

        return bits;
    }

    /// <summary>The index of a variant value's case; an unknown case is a data error.</summary>
    public static uint CaseIndex(ComponentValue value, string[] cases, string method, string parameter) =>
        IndexOf(value.AsVariant(), cases, "variant case", method, parameter);

    /// <summary>The payload of a variant case, option or result that must have one.</summary>
    public static ComponentValue Payload(ComponentValue value, string method, string parameter) =>
        value.Payload ?? throw new WasmGuestDataException(method, parameter, "has no payload where its WIT type has one.");

    /// <summary>The items of a tuple (or a tuple payload) of <paramref name="count"/> values.</summary>
    public static IReadOnlyList<ComponentValue> Items(ComponentValue value, int count, string method, string parameter)
    {
        var items = value.AsTuple();
        return items.Count == count
            ? items
            : throw new WasmGuestDataException(method, parameter, $"is a tuple of {items.Count} values where its WIT type has {count}.");
    }

    /// <summary>A record field by WIT name; a missing field is a data error.</summary>
    public static ComponentValue Field(ComponentValue record, string name, string method, string parameter) =>
        record.TryGetField(name, out var field) && field is not null
            ? field
            : throw new WasmGuestDataException(method, parameter, $"has no record field '{name}'.");

    /// <summary>A <c>list&lt;T&gt;</c> as an array, element by element.</summary>
    public static T[] Array<T>(ComponentValue value, Func<ComponentValue, T> lift)
    {
        var items = value.AsList();
        var array = new T[items.Count];
        for (int i = 0; i < array.Length; i++)
        {
            array[i] = lift(items[i]);
        }

        return array;
    }

    /// <summary>Whether an option is <c>some</c>.</summary>
    public static bool IsSome(ComponentValue value, string method, string parameter) =>
        value.Kind == ComponentValueKind.Option
            ? value.IsSome
            : throw new WasmGuestDataException(method, parameter, $"is {Describe(value)} where its WIT type is an option.");

    /// <summary>Whether a result is <c>ok</c>.</summary>
    public static bool IsOk(ComponentValue value, string method, string parameter) =>
        value.Kind == ComponentValueKind.Result
            ? value.IsOk
            : throw new WasmGuestDataException(method, parameter, $"is {Describe(value)} where its WIT type is a result.");

    private static uint IndexOf(string name, string[] labels, string what, string method, string parameter)
    {
        int index = System.Array.IndexOf(labels, name);
        return index >= 0
            ? (uint)index
            : throw new WasmGuestDataException(method, parameter, $"has the {what} '{name}', which its WIT type does not have ({string.Join(", ", labels)}).");
    }
}
