namespace WasmMarshal.Generators.Model;

/// <summary>The type of a struct field as guest bindings spell it.</summary>
/// <param name="Key">For structs and enums, the fully qualified C# name (the key into the interface's catalogs).</param>
internal sealed record FieldType(ScalarKind Scalar, string? Key, bool IsStruct);

/// <summary>A struct field: its wasm32 C offset, and the element count of a fixed buffer (1 otherwise).</summary>
internal sealed record StructFieldModel(string Name, FieldType Type, int Offset, int Count, bool IsFixedBuffer);

/// <summary>A struct that crosses the boundary, with its verified wasm32 C layout.</summary>
/// <param name="Key">The fully qualified C# name, as <see cref="ValueModel.ElementDisplay"/> spells it.</param>
internal sealed record StructModel(string Key, string Name, int Size, int Align, EquatableArray<StructFieldModel> Fields);

/// <summary>An enum member and its value, as a literal of the underlying type.</summary>
internal sealed record EnumMemberModel(string Name, string Value);

/// <summary>An enum that crosses as its underlying type.</summary>
internal sealed record EnumModel(string Key, string Name, ScalarKind Underlying, EquatableArray<EnumMemberModel> Members);
