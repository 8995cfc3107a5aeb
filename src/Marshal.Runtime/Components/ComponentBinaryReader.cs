using System;
using System.Collections.Generic;

namespace WasmMarshal.Components;

/// <summary>
/// Reads the component binary format (component-model design/mvp/Binary.md, preamble version 0x0d, layer 1) far
/// enough to decide whether the component flattens to one core module: every section is framed and bounded, the core
/// module, core instance, alias, canon, import, export and instance sections are read item by item into the index
/// spaces, type sections are skipped whole (nothing the loader checks needs a type), nested components are scanned for
/// core content. Constructs it does not follow (values, start, unknown canon built-ins or options) are recorded in
/// <see cref="ComponentSyntax.NotFlattenable"/> and the rest is only framed. Malformed bytes throw
/// <see cref="WasmComponentFormatException"/> with the offset; Wasmtime validates the rest.
/// </summary>
internal static class ComponentBinaryReader
{
    /// <summary>The largest input the reader takes.</summary>
    public const int MaxInputBytes = 512 * 1024 * 1024;

    /// <summary>How deep components may nest.</summary>
    public const int MaxNesting = 16;

    /// <summary>The most definitions (index-space entries, imports and exports) one component may have.</summary>
    public const int MaxDefinitions = 1_000_000;

    /// <summary>The most canonical options one lift or lower may have.</summary>
    public const int MaxCanonOptions = 16;

    private static readonly byte[] s_magic = { 0x00, 0x61, 0x73, 0x6D };

    /// <summary>Whether <paramref name="bytes"/> starts like a component (rather than a core module).</summary>
    public static bool LooksLikeComponent(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..4].SequenceEqual(s_magic) && bytes[6] == 0x01 && bytes[7] == 0x00;

    public static ComponentSyntax Read(byte[] data)
    {
        if (data.Length > MaxInputBytes)
        {
            throw new WasmComponentFormatException(0, $"{data.Length} bytes is over the reader's limit of {MaxInputBytes}");
        }

        var cursor = new BinaryCursor(data, 0, data.Length);
        var syntax = new ComponentSyntax();
        new State(syntax).ReadComponent(cursor);
        return syntax;
    }

    private static void ReadPreamble(BinaryCursor cursor, string what)
    {
        int start = cursor.Position;
        if (cursor.Remaining < 8)
        {
            throw cursor.Error($"{what}: {cursor.Remaining} bytes, shorter than the 8-byte preamble");
        }

        for (int i = 0; i < 4; i++)
        {
            if (cursor.ReadByte("magic") != s_magic[i])
            {
                throw BinaryCursor.Error(start, $"{what}: no \\0asm magic");
            }
        }

        byte version = cursor.ReadByte("version");
        byte version2 = cursor.ReadByte("version");
        byte layer = cursor.ReadByte("layer");
        byte layer2 = cursor.ReadByte("layer");
        if (layer == 0 && layer2 == 0)
        {
            throw BinaryCursor.Error(start + 4, $"{what}: a core module (layer 0), not a component");
        }

        if (layer != 1 || layer2 != 0)
        {
            throw BinaryCursor.Error(start + 6, $"{what}: unknown layer {layer | (layer2 << 8)}");
        }

        if (version != 0x0d || version2 != 0)
        {
            throw BinaryCursor.Error(start + 4,
                $"{what}: component binary version 0x{version | (version2 << 8):X} (this reader takes 0x0d, what Wasmtime 50 and wit-component write)");
        }
    }

    /// <summary>Scans a nested component: why it has core content (null when it has none, a type-only wrapper).</summary>
    private static string? ScanNested(BinaryCursor cursor, int depth)
    {
        if (depth > MaxNesting)
        {
            throw cursor.Error($"components nest deeper than the reader's limit of {MaxNesting}");
        }

        ReadPreamble(cursor, "nested component");
        string? reason = null;
        while (!cursor.AtEnd)
        {
            int at = cursor.Position;
            byte id = cursor.ReadByte("section id");
            uint size = cursor.ReadU32("section size");
            var body = cursor.Slice(size, $"section {id}");
            if (id > 12)
            {
                throw BinaryCursor.Error(at, $"unknown section id {id} in a nested component");
            }

            if (id == 4)
            {
                reason ??= ScanNested(body, depth + 1);
            }
            else if (reason is null && (id == 1 || id == 2 || id == 8 || id == 9))
            {
                reason = $"a nested component at offset {at} has {(id == 1 ? "a core module" : id == 2 ? "core instances" : id == 8 ? "canon definitions" : "a start function")}";
            }
        }

        return reason;
    }

    private sealed class State
    {
        private readonly ComponentSyntax _syntax;
        private int _definitions;
        private bool _opaque;

        public State(ComponentSyntax syntax) => _syntax = syntax;

        public void ReadComponent(BinaryCursor cursor)
        {
            ReadPreamble(cursor, "component");
            while (!cursor.AtEnd)
            {
                int at = cursor.Position;
                byte id = cursor.ReadByte("section id");
                uint size = cursor.ReadU32("section size");
                var body = cursor.Slice(size, $"section {id}");
                if (id > 12)
                {
                    throw BinaryCursor.Error(at, $"unknown section id {id}");
                }

                if (_opaque && id != 0)
                {
                    continue;
                }

                switch (id)
                {
                    case 0:
                        body.ReadName("custom section name");
                        break;
                    case 1:
                        Add(Sort.CoreModule, new Definition(DefinitionKind.Embedded, at)
                        {
                            Module = CoreModuleReader.Read(body),
                        }, body);
                        break;
                    case 2:
                        Vector(body, "core instance section", ReadCoreInstance);
                        break;
                    case 3:
                    case 7:
                        // Types are not tracked: the count is read for the framing, the body is Wasmtime's to validate.
                        body.ReadCount(id == 3 ? "core type count" : "type count");
                        break;
                    case 4:
                        Add(Sort.Component, new Definition(DefinitionKind.Embedded, at)
                        {
                            NestedCoreContent = ScanNested(body, 1),
                        }, body);
                        break;
                    case 5:
                        Vector(body, "instance section", ReadInstance);
                        break;
                    case 6:
                        Vector(body, "alias section", ReadAlias);
                        break;
                    case 8:
                        Vector(body, "canon section", ReadCanon);
                        break;
                    case 9:
                        _syntax.HasStart = true;
                        NotFlattenable($"a start function (section 9 at offset {at})");
                        break;
                    case 10:
                        Vector(body, "import section", ReadImport);
                        break;
                    case 11:
                        Vector(body, "export section", ReadExport);
                        break;
                    case 12:
                        NotFlattenable($"a value section (section 12 at offset {at})");
                        break;
                }

                if (!_opaque && id != 0 && id != 3 && id != 7 && id != 1 && id != 4)
                {
                    body.ExpectEnd($"section {id} at offset {at}");
                }
            }
        }

        private void NotFlattenable(string what)
        {
            _syntax.NotFlattenable.Add(what);
            _opaque = true;
        }

        private void Vector(BinaryCursor body, string what, Action<BinaryCursor> item)
        {
            int count = body.ReadCount(what + " count");
            for (int i = 0; i < count && !_opaque; i++)
            {
                item(body);
            }
        }

        private void Add(Sort sort, Definition definition, BinaryCursor cursor)
        {
            if (++_definitions > MaxDefinitions)
            {
                throw cursor.Error($"more than the reader's limit of {MaxDefinitions} definitions");
            }

            _syntax.Space(sort).Add(definition);
        }

        private int Size(Sort sort) => sort is Sort.Type or Sort.CoreType ? -1 : _syntax.Count(sort);

        private static Sort CoreSort(byte b, BinaryCursor cursor, int at) => b switch
        {
            0x00 => Sort.CoreFunc,
            0x01 => Sort.CoreTable,
            0x02 => Sort.CoreMemory,
            0x03 => Sort.CoreGlobal,
            0x04 => Sort.CoreTag,
            0x10 => Sort.CoreType,
            0x11 => Sort.CoreModule,
            0x12 => Sort.CoreInstance,
            _ => throw BinaryCursor.Error(at, $"unknown core sort 0x{b:X2}"),
        };

        private static Sort ReadSort(BinaryCursor cursor)
        {
            int at = cursor.Position;
            byte b = cursor.ReadByte("sort");
            return b switch
            {
                0x00 => CoreSort(cursor.ReadByte("core sort"), cursor, at + 1),
                0x01 => Sort.Func,
                0x02 => Sort.Value,
                0x03 => Sort.Type,
                0x04 => Sort.Component,
                0x05 => Sort.Instance,
                _ => throw BinaryCursor.Error(at, $"unknown sort 0x{b:X2}"),
            };
        }

        private string ReadExternName(BinaryCursor cursor, string what)
        {
            int at = cursor.Position;
            byte prefix = cursor.ReadByte(what);
            // 0x01 was the "interface name" marker of older binaries; both are a plain name since.
            if (prefix > 0x01)
            {
                throw BinaryCursor.Error(at, $"{what}: unknown name prefix 0x{prefix:X2}");
            }

            return cursor.ReadName(what);
        }

        private void ReadCoreInstance(BinaryCursor cursor)
        {
            int at = cursor.Position;
            byte tag = cursor.ReadByte("core instance");
            var items = new List<NamedRef>();
            if (tag == 0x00)
            {
                int module = cursor.ReadIndex("core module index", Size(Sort.CoreModule));
                int count = cursor.ReadCount("instantiation argument count");
                for (int i = 0; i < count; i++)
                {
                    string name = cursor.ReadName("instantiation argument name");
                    int kindAt = cursor.Position;
                    byte kind = cursor.ReadByte("instantiation argument kind");
                    if (kind != 0x12)
                    {
                        throw BinaryCursor.Error(kindAt, $"a core instantiation argument of kind 0x{kind:X2} (only instances, 0x12)");
                    }

                    items.Add(new NamedRef(name, Sort.CoreInstance, cursor.ReadIndex("core instance index", Size(Sort.CoreInstance))));
                }

                Add(Sort.CoreInstance, new Definition(DefinitionKind.Instantiate, at) { Target = module, Items = items }, cursor);
            }
            else if (tag == 0x01)
            {
                int count = cursor.ReadCount("core export count");
                for (int i = 0; i < count; i++)
                {
                    string name = cursor.ReadName("core export name");
                    int sortAt = cursor.Position;
                    var sort = CoreSort(cursor.ReadByte("core sort"), cursor, sortAt);
                    items.Add(new NamedRef(name, sort, cursor.ReadIndex($"core {sort} index", Size(sort))));
                }

                Add(Sort.CoreInstance, new Definition(DefinitionKind.FromExports, at) { Items = items }, cursor);
            }
            else
            {
                throw BinaryCursor.Error(at, $"unknown core instance form 0x{tag:X2}");
            }
        }

        private void ReadInstance(BinaryCursor cursor)
        {
            int at = cursor.Position;
            byte tag = cursor.ReadByte("instance");
            var items = new List<NamedRef>();
            if (tag == 0x00)
            {
                int component = cursor.ReadIndex("component index", Size(Sort.Component));
                int count = cursor.ReadCount("instantiation argument count");
                for (int i = 0; i < count; i++)
                {
                    string name = cursor.ReadName("instantiation argument name");
                    var sort = ReadSort(cursor);
                    items.Add(new NamedRef(name, sort, cursor.ReadIndex($"{sort} index", Size(sort))));
                }

                Add(Sort.Instance, new Definition(DefinitionKind.Instantiate, at) { Target = component, Items = items }, cursor);
            }
            else if (tag == 0x01)
            {
                int count = cursor.ReadCount("inline export count");
                for (int i = 0; i < count; i++)
                {
                    string name = ReadExternName(cursor, "inline export name");
                    var sort = ReadSort(cursor);
                    items.Add(new NamedRef(name, sort, cursor.ReadIndex($"{sort} index", Size(sort))));
                }

                Add(Sort.Instance, new Definition(DefinitionKind.FromExports, at) { Items = items }, cursor);
            }
            else
            {
                throw BinaryCursor.Error(at, $"unknown instance form 0x{tag:X2}");
            }
        }

        private void ReadAlias(BinaryCursor cursor)
        {
            int at = cursor.Position;
            var sort = ReadSort(cursor);
            int targetAt = cursor.Position;
            byte tag = cursor.ReadByte("alias target");
            switch (tag)
            {
                case 0x00:
                {
                    int instance = cursor.ReadIndex("instance index", Size(Sort.Instance));
                    string name = cursor.ReadName("alias export name");
                    Add(sort, new Definition(DefinitionKind.AliasExport, at) { Target = instance, Name = name }, cursor);
                    if (sort is Sort.CoreModule or Sort.Component)
                    {
                        // The module or component behind it is another index the loader does not follow.
                        NotFlattenable($"an alias of a {sort} exported by instance {instance} ('{name}', offset {at})");
                    }

                    break;
                }
                case 0x01:
                {
                    if (sort is not (Sort.CoreFunc or Sort.CoreTable or Sort.CoreMemory or Sort.CoreGlobal or Sort.CoreTag))
                    {
                        throw BinaryCursor.Error(at, $"an alias of a core instance export of sort {sort}");
                    }

                    int instance = cursor.ReadIndex("core instance index", Size(Sort.CoreInstance));
                    string name = cursor.ReadName("alias core export name");
                    Add(sort, new Definition(DefinitionKind.AliasCoreExport, at) { Target = instance, Name = name }, cursor);
                    break;
                }
                case 0x02:
                {
                    uint count = cursor.ReadU32("outer alias count");
                    uint index = cursor.ReadU32("outer alias index");
                    Add(sort, new Definition(DefinitionKind.AliasOuter, at) { Target = (int)Math.Min(index, int.MaxValue), Name = $"outer {count}" }, cursor);
                    if (sort is Sort.CoreModule or Sort.Component)
                    {
                        NotFlattenable($"an outer alias of a {sort} at offset {at}");
                    }

                    break;
                }
                default:
                    throw BinaryCursor.Error(targetAt, $"unknown alias target 0x{tag:X2}");
            }

            if (sort == Sort.Value)
            {
                NotFlattenable($"an alias of a value at offset {at}");
            }
        }

        private CanonOptions ReadOptions(BinaryCursor cursor)
        {
            var options = new CanonOptions();
            int countAt = cursor.Position;
            int count = cursor.ReadCount("canon option count");
            if (count > MaxCanonOptions)
            {
                throw BinaryCursor.Error(countAt, $"{count} canon options, over the reader's limit of {MaxCanonOptions}");
            }

            for (int i = 0; i < count; i++)
            {
                int at = cursor.Position;
                byte tag = cursor.ReadByte("canon option");
                switch (tag)
                {
                    case 0x00: options.Encoding = StringEncodingOption.Utf8; break;
                    case 0x01: options.Encoding = StringEncodingOption.Utf16; break;
                    case 0x02: options.Encoding = StringEncodingOption.Latin1Utf16; break;
                    case 0x03: options.Memory = cursor.ReadIndex("memory index", Size(Sort.CoreMemory)); break;
                    case 0x04: options.Realloc = cursor.ReadIndex("realloc function index", Size(Sort.CoreFunc)); break;
                    case 0x05: options.PostReturn = cursor.ReadIndex("post-return function index", Size(Sort.CoreFunc)); break;
                    case 0x06: options.Async = true; break;
                    case 0x07: options.Callback = cursor.ReadIndex("callback function index", Size(Sort.CoreFunc)); break;
                    default:
                        NotFlattenable($"canon option 0x{tag:X2} at offset {at}");
                        return options;
                }
            }

            return options;
        }

        private void ReadCanon(BinaryCursor cursor)
        {
            int at = cursor.Position;
            byte tag = cursor.ReadByte("canon");
            switch (tag)
            {
                case 0x00:
                {
                    ExpectFuncSort(cursor, "canon lift");
                    int core = cursor.ReadIndex("core function index", Size(Sort.CoreFunc));
                    var options = ReadOptions(cursor);
                    if (_opaque)
                    {
                        return;
                    }

                    cursor.ReadU32("canon lift type index");
                    Add(Sort.Func, new Definition(DefinitionKind.Lift, at) { Target = core, Options = options }, cursor);
                    break;
                }
                case 0x01:
                {
                    ExpectFuncSort(cursor, "canon lower");
                    int func = cursor.ReadIndex("function index", Size(Sort.Func));
                    var options = ReadOptions(cursor);
                    if (_opaque)
                    {
                        return;
                    }

                    Add(Sort.CoreFunc, new Definition(DefinitionKind.Lower, at) { Target = func, Options = options }, cursor);
                    break;
                }
                case 0x02:
                case 0x03:
                case 0x04:
                case 0x07:
                {
                    cursor.ReadU32("resource type index");
                    string name = tag switch { 0x02 => "resource.new", 0x03 => "resource.drop", 0x04 => "resource.rep", _ => "resource.drop async" };
                    Add(Sort.CoreFunc, new Definition(DefinitionKind.Builtin, at) { Name = name }, cursor);
                    break;
                }
                default:
                    // The async and thread built-ins: each has its own immediates, so nothing after it can be framed.
                    NotFlattenable($"canon built-in 0x{tag:X2} at offset {at} (async or threads)");
                    break;
            }
        }

        private static void ExpectFuncSort(BinaryCursor cursor, string what)
        {
            int at = cursor.Position;
            byte b = cursor.ReadByte(what);
            if (b != 0x00)
            {
                throw BinaryCursor.Error(at, $"{what}: expected 0x00 (the func sort), found 0x{b:X2}");
            }
        }

        /// <summary>An extern descriptor: the sort it adds to (its type index is not tracked).</summary>
        private Sort ReadExternDesc(BinaryCursor cursor)
        {
            int at = cursor.Position;
            byte tag = cursor.ReadByte("extern descriptor");
            switch (tag)
            {
                case 0x00:
                {
                    byte core = cursor.ReadByte("core sort");
                    if (core != 0x11)
                    {
                        throw BinaryCursor.Error(at + 1, $"an extern descriptor of core sort 0x{core:X2} (only modules, 0x11)");
                    }

                    cursor.ReadU32("core module type index");
                    return Sort.CoreModule;
                }
                case 0x01:
                    cursor.ReadU32("function type index");
                    return Sort.Func;
                case 0x02:
                    ReadValType(cursor);
                    return Sort.Value;
                case 0x03:
                {
                    int boundAt = cursor.Position;
                    byte bound = cursor.ReadByte("type bound");
                    if (bound == 0x00)
                    {
                        cursor.ReadU32("type index");
                    }
                    else if (bound != 0x01)
                    {
                        throw BinaryCursor.Error(boundAt, $"unknown type bound 0x{bound:X2}");
                    }

                    return Sort.Type;
                }
                case 0x04:
                    cursor.ReadU32("component type index");
                    return Sort.Component;
                case 0x05:
                    cursor.ReadU32("instance type index");
                    return Sort.Instance;
                default:
                    throw BinaryCursor.Error(at, $"unknown extern descriptor 0x{tag:X2}");
            }
        }

        private static void ReadValType(BinaryCursor cursor)
        {
            byte b = cursor.PeekByte("value type");
            if (b >= 0x64 && b <= 0x7F)
            {
                cursor.ReadByte("value type");
                return;
            }

            cursor.ReadS33("value type index");
        }

        private void ReadImport(BinaryCursor cursor)
        {
            int at = cursor.Position;
            string name = ReadExternName(cursor, "import name");
            var sort = ReadExternDesc(cursor);
            _syntax.Imports.Add((name, sort));
            Add(sort, new Definition(DefinitionKind.Import, at) { Name = name }, cursor);
            if (sort is Sort.Value or Sort.Component or Sort.CoreModule)
            {
                NotFlattenable($"an import of a {sort} ('{name}', offset {at})");
            }
        }

        private void ReadExport(BinaryCursor cursor)
        {
            int at = cursor.Position;
            string name = ReadExternName(cursor, "export name");
            var sort = ReadSort(cursor);
            int index = cursor.ReadIndex($"exported {sort} index", Size(sort));
            int optionAt = cursor.Position;
            byte hasType = cursor.ReadByte("export type ascription");
            if (hasType == 0x01)
            {
                ReadExternDesc(cursor);
            }
            else if (hasType != 0x00)
            {
                throw BinaryCursor.Error(optionAt, $"export type ascription flag 0x{hasType:X2} (0 or 1)");
            }

            _syntax.Exports.Add((name, sort, index));
            Add(sort, new Definition(DefinitionKind.Export, at) { Name = name, Target = index }, cursor);
            if (sort is Sort.Value or Sort.CoreModule or Sort.Component)
            {
                NotFlattenable($"an export of a {sort} ('{name}', offset {at})");
            }
        }
    }
}
