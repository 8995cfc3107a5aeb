using System.Collections.Generic;

namespace WasmMarshal.Components;

/// <summary>
/// Reads an embedded core module's imports, exports and whether it has a start function (enough to tell the main
/// module from the preview 1 adapter and wit-component's shim and fixup modules); the code is Wasmtime's to validate.
/// </summary>
internal static class CoreModuleReader
{
    public static CoreModuleInfo Read(BinaryCursor body)
    {
        int start = body.Position;
        if (body.Remaining < 8)
        {
            throw body.Error("core module: shorter than the 8-byte header");
        }

        uint magic = (uint)(body.ReadByte("magic") | body.ReadByte("magic") << 8 | body.ReadByte("magic") << 16 | body.ReadByte("magic") << 24);
        uint version = (uint)(body.ReadByte("version") | body.ReadByte("version") << 8 | body.ReadByte("version") << 16 | body.ReadByte("version") << 24);
        if (magic != 0x6D736100)
        {
            throw BinaryCursor.Error(start, "core module: no \\0asm magic");
        }

        if (version != 1)
        {
            throw BinaryCursor.Error(start + 4, $"core module: version {version} (only 1)");
        }

        var imports = new List<CoreImport>();
        var exports = new List<CoreExport>();
        bool hasStart = false;
        while (!body.AtEnd)
        {
            int at = body.Position;
            byte id = body.ReadByte("core section id");
            uint size = body.ReadU32("core section size");
            var section = body.Slice(size, $"core section {id}");
            switch (id)
            {
                case 2:
                {
                    int count = section.ReadCount("core import count");
                    for (int i = 0; i < count; i++)
                    {
                        string module = section.ReadName("core import module");
                        string name = section.ReadName("core import name");
                        byte kind = ReadImportDesc(section);
                        imports.Add(new CoreImport(module, name, kind));
                    }

                    section.ExpectEnd($"core import section at offset {at}");
                    break;
                }
                case 7:
                {
                    int count = section.ReadCount("core export count");
                    for (int i = 0; i < count; i++)
                    {
                        string name = section.ReadName("core export name");
                        int kindAt = section.Position;
                        byte kind = section.ReadByte("core export kind");
                        if (kind > 0x04)
                        {
                            throw BinaryCursor.Error(kindAt, $"core export '{name}' of unknown kind 0x{kind:X2}");
                        }

                        section.ReadU32("core export index");
                        exports.Add(new CoreExport(name, kind));
                    }

                    section.ExpectEnd($"core export section at offset {at}");
                    break;
                }
                case 8:
                    hasStart = true;
                    break;
            }
        }

        return new CoreModuleInfo(start, body.End - start, imports, exports, hasStart);
    }

    private static byte ReadImportDesc(BinaryCursor section)
    {
        int at = section.Position;
        byte kind = section.ReadByte("core import kind");
        switch (kind)
        {
            case 0x00:
                section.ReadU32("core import type index");
                break;
            case 0x01:
                ReadRefType(section);
                ReadLimits(section, table: true);
                break;
            case 0x02:
                ReadLimits(section, table: false);
                break;
            case 0x03:
                ReadValType(section);
                section.ReadByte("global mutability");
                break;
            case 0x04:
                section.ReadByte("tag attribute");
                section.ReadU32("tag type index");
                break;
            default:
                throw BinaryCursor.Error(at, $"core import of unknown kind 0x{kind:X2}");
        }

        return kind;
    }

    private static void ReadLimits(BinaryCursor section, bool table)
    {
        int at = section.Position;
        byte flags = section.ReadByte("limits flags");
        if (flags > 0x0F)
        {
            throw BinaryCursor.Error(at, $"unknown limits flags 0x{flags:X2}");
        }

        bool is64 = (flags & 0x04) != 0;
        _ = is64 ? section.ReadU64("limits minimum") : section.ReadU32("limits minimum");
        if ((flags & 0x01) != 0)
        {
            _ = is64 ? section.ReadU64("limits maximum") : section.ReadU32("limits maximum");
        }

        if (!table && (flags & 0x08) != 0)
        {
            section.ReadU32("page size log2");
        }
    }

    private static void ReadRefType(BinaryCursor section)
    {
        int at = section.Position;
        byte b = section.ReadByte("reference type");
        if (b == 0x63 || b == 0x64)
        {
            section.ReadS33("heap type");
        }
        else if (b < 0x69 || b > 0x74)
        {
            throw BinaryCursor.Error(at, $"unknown reference type 0x{b:X2}");
        }
    }

    private static void ReadValType(BinaryCursor section)
    {
        int at = section.Position;
        byte b = section.PeekByte("value type");
        if (b is >= 0x7B and <= 0x7F)
        {
            section.ReadByte("value type");
            return;
        }

        if (b is 0x63 or 0x64 or (>= 0x69 and <= 0x74))
        {
            ReadRefType(section);
            return;
        }

        throw BinaryCursor.Error(at, $"unknown value type 0x{b:X2}");
    }
}
