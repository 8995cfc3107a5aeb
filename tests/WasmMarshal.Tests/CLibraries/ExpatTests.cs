using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using Wasmtime;
using WasmMarshal.Callbacks;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>
/// Debian's expat 2.5.0, compiled unchanged into guests/bin/expat.wasm, through the generated stub of <see cref="IExpat"/>:
/// an opaque parser handle destroyed once, long-lived callbacks in the guest's function table (element and character
/// data handlers, stored by the parser and called during XML_Parse) and a buffer counted by another parameter. Every
/// document is also read with .NET's <see cref="XmlReader"/>, and the two event streams must be equal.
/// </summary>
public sealed class ExpatTests : IDisposable
{
    private readonly WasmGuest _guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("expat")).Instantiate();

    private IExpat Expat => _guest.Import<IExpat>();

    public void Dispose() => _guest.Dispose();

    /// <summary>What a parse produced: element and text events, and the error if any.</summary>
    private sealed record Outcome(List<string> Events, XmlError Error, uint Line, uint Column);

    private static string StartEvent(string name, IReadOnlyList<string> attributes)
    {
        var text = new StringBuilder("start ").Append(name);
        for (int i = 0; i + 1 < attributes.Count; i += 2)
        {
            text.Append(' ').Append(attributes[i]).Append("=\"").Append(attributes[i + 1]).Append('"');
        }

        return text.ToString();
    }

    private Outcome ParseWithExpat(string xml, int chunkSize = int.MaxValue, uint userData = 0)
    {
        var events = new List<string>();
        var text = new StringBuilder();
        void Flush()
        {
            if (text.Length > 0)
            {
                events.Add("text " + text);
                text.Clear();
            }
        }

        var expat = Expat;
        using var start = WasmCallback.Register<XmlStartElementHandler>(_guest, (data, name, atts) =>
        {
            Assert.Equal(userData, data);
            Flush();
            events.Add(StartEvent(name, GuestCStrings.ReadArray(_guest, atts, nameof(XmlStartElementHandler), "atts")));
        });
        using var end = WasmCallback.Register<XmlEndElementHandler>(_guest, (data, name) =>
        {
            Assert.Equal(userData, data);
            Flush();
            events.Add("end " + name);
        });
        using var characters = WasmCallback.Register<XmlCharacterDataHandler>(_guest, (data, s) =>
        {
            Assert.Equal(userData, data);
            text.Append(s);
        });

        // Declared after the callbacks, so the parser is freed before their slots are released.
        using var parser = new WasmOwnedHandle<XmlParser>(expat.ParserCreate(null), expat.ParserFree);
        expat.SetUserData(parser.Handle, userData);
        expat.SetElementHandler(parser.Handle, start, end);
        expat.SetCharacterDataHandler(parser.Handle, characters);

        var bytes = Encoding.UTF8.GetBytes(xml);
        int offset = 0;
        do
        {
            int length = Math.Min(chunkSize, bytes.Length - offset);
            bool final = offset + length == bytes.Length;
            var status = expat.Parse(parser.Handle, bytes.AsSpan(offset, length), length, final ? 1 : 0);
            offset += length;
            if (status != XmlStatus.Ok)
            {
                Flush();
                return new Outcome(events, expat.GetErrorCode(parser.Handle), expat.GetCurrentLineNumber(parser.Handle), expat.GetCurrentColumnNumber(parser.Handle));
            }
        }
        while (offset < bytes.Length);

        Flush();
        return new Outcome(events, XmlError.None, 0, 0);
    }

    /// <summary>The same events from System.Xml, and its error's line and position (1-based) if any.</summary>
    private static (List<string> Events, XmlException? Error) ParseWithDotNet(string xml)
    {
        var events = new List<string>();
        var text = new StringBuilder();
        void Flush()
        {
            if (text.Length > 0)
            {
                events.Add("text " + text);
                text.Clear();
            }
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true };
        int open = 0;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        Flush();
                        string name = reader.Name;
                        bool empty = reader.IsEmptyElement;
                        var attributes = new List<string>();
                        while (reader.MoveToNextAttribute())
                        {
                            attributes.Add(reader.Name);
                            attributes.Add(reader.Value);
                        }

                        events.Add(StartEvent(name, attributes));
                        if (empty)
                        {
                            events.Add("end " + name);
                        }
                        else
                        {
                            open++;
                        }

                        break;
                    case XmlNodeType.EndElement:
                        Flush();
                        events.Add("end " + reader.Name);
                        open--;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when open > 0:
                        // expat reports character data inside the document element only.
                        text.Append(reader.Value);
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            Flush();
            return (events, e);
        }

        Flush();
        return (events, null);
    }

    private static readonly string[] Names = ["a", "item", "x-y", "n.1", "_u", "été", "漢字", "ns:el"];

    private static readonly string[] Texts = ["", " ", "plain", "a & b < c > d", "\"quoted\" 'single'", "line\nbreak\ttab", "é漢😀", "]]>", "  spaced  "];

    /// <summary>A random document written by .NET's <see cref="XmlWriter"/>, which does its own escaping.</summary>
    private static string RandomDocument(int seed)
    {
        var random = new Random(seed);
        var output = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            OmitXmlDeclaration = random.Next(2) == 0,
            Indent = random.Next(3) == 0,
            NewLineChars = "\n",
        };
        using (var writer = XmlWriter.Create(output, settings))
        {
            writer.WriteStartDocument();
            WriteElement(writer, random, depth: 0);
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static void WriteElement(XmlWriter writer, Random random, int depth)
    {
        string name = Names[random.Next(Names.Length)];
        if (name.Contains(':'))
        {
            writer.WriteStartElement("ns", "el", "urn:test");
        }
        else
        {
            writer.WriteStartElement(name);
        }

        var used = new HashSet<string>();
        for (int i = random.Next(4); i > 0; i--)
        {
            string attribute = Names[random.Next(Names.Length)].Replace("ns:", "at");
            if (used.Add(attribute))
            {
                writer.WriteAttributeString(attribute, Texts[random.Next(Texts.Length)]);
            }
        }

        for (int i = depth < 4 ? random.Next(5) : 0; i > 0; i--)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                    WriteElement(writer, random, depth + 1);
                    break;
                case 2:
                    writer.WriteString(Texts[random.Next(Texts.Length)]);
                    break;
                case 3:
                    writer.WriteCData("cdata <&> " + random.Next(100));
                    break;
                default:
                    writer.WriteComment("comment " + random.Next(100));
                    break;
            }
        }

        writer.WriteEndElement();
    }

    [Fact]
    public void A_handwritten_document_gives_the_events_System_Xml_gives()
    {
        const string xml = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<root id=\"1\" title=\"a &amp; b\">\n  <item n=\"&#x41;&#66;\">text &lt;here&gt;</item>\n"
            + "  <empty/><![CDATA[raw <cdata> & ]]>\r\n  <?pi data?><ns:x xmlns:ns=\"urn:n\" ns:a=\"é\">漢字😀</ns:x>\n</root>\n";
        var expat = ParseWithExpat(xml);
        var (reference, error) = ParseWithDotNet(xml);
        Assert.Null(error);
        Assert.Equal(XmlError.None, expat.Error);
        Assert.Equal(reference, expat.Events);

        // Independently of System.Xml: the first events as the XML specification defines them (entities and character
        // references replaced, CR LF normalized to LF).
        Assert.Equal("start root id=\"1\" title=\"a & b\"", expat.Events[0]);
        Assert.Equal("start item n=\"AB\"", expat.Events[2]);
        Assert.Equal("text text <here>", expat.Events[3]);
        Assert.Contains("text raw <cdata> & \n  ", expat.Events);
    }

    [Fact]
    public void Random_documents_give_the_events_System_Xml_gives_whole_and_in_small_chunks()
    {
        for (int seed = 0; seed < 150; seed++)
        {
            string xml = RandomDocument(seed);
            var (reference, error) = ParseWithDotNet(xml);
            Assert.Null(error);
            var whole = ParseWithExpat(xml);
            Assert.True(whole.Error == XmlError.None, $"seed {seed}: {whole.Error} in {xml}");
            Assert.Equal(reference, whole.Events);

            // Chunks of 1 to 7 bytes split names, entities and multi-byte characters between XML_Parse calls.
            var chunked = ParseWithExpat(xml, chunkSize: 1 + seed % 7, userData: (uint)seed);
            Assert.Equal(reference, chunked.Events);
        }
    }

    public static TheoryData<string, XmlError> MalformedDocuments => new()
    {
        { "<a><b></a>", XmlError.TagMismatch },
        { "<a>\n<b>\n</a>", XmlError.TagMismatch },
        { "<a x=\"1\" x=\"2\"/>", XmlError.DuplicateAttribute },
        { "<a/>\n<b/>", XmlError.JunkAfterDocElement },
        { "<a>\n&undefined;</a>", XmlError.UndefinedEntity },
        { "<a>&#0;</a>", XmlError.BadCharRef },
        { "<a>\n\n<", XmlError.UnclosedToken },
        { "<a>", XmlError.NoElements },
        { "<!-- first -->\n<?xml version=\"1.0\"?><a/>", XmlError.MisplacedXmlPi },
    };

    [Theory]
    [MemberData(nameof(MalformedDocuments))]
    public void Malformed_documents_fail_with_the_expected_code_on_the_line_System_Xml_reports(string xml, XmlError expected)
    {
        var expat = ParseWithExpat(xml);
        var (_, error) = ParseWithDotNet(xml);
        Assert.Equal(expected, expat.Error);
        Assert.NotNull(error);
        Assert.Equal(error!.LineNumber, (int)expat.Line);

        uint address = Expat.ErrorString(expat.Error);
        string? message = GuestCStrings.Read(_guest, address, "IExpat.ErrorString", "return");
        Assert.False(string.IsNullOrEmpty(message));
    }

    [Fact]
    public void The_error_strings_are_the_library_s_own()
    {
        // expat.h documents XML_ErrorString; these texts are those of xmlparse.c 2.5.0.
        Assert.Equal("mismatched tag", GuestCStrings.Read(_guest, Expat.ErrorString(XmlError.TagMismatch), "IExpat.ErrorString", "return"));
        Assert.Equal("no element found", GuestCStrings.Read(_guest, Expat.ErrorString(XmlError.NoElements), "IExpat.ErrorString", "return"));
        Assert.Null(GuestCStrings.Read(_guest, Expat.ErrorString(XmlError.None), "IExpat.ErrorString", "return"));
    }

    [Fact]
    public void The_parser_handle_is_destroyed_once_and_refused_afterwards()
    {
        var expat = Expat;
        int frees = 0;
        var handle = expat.ParserCreate(null);
        Assert.False(handle.IsNull);
        var parser = new WasmOwnedHandle<XmlParser>(handle, h => { frees++; expat.ParserFree(h); });
        Assert.Equal(handle, parser.Handle);
        parser.Dispose();
        parser.Dispose();
        Assert.Equal(1, frees);
        Assert.True(parser.IsDisposed);
        var used = Assert.Throws<ObjectDisposedException>(() => parser.Handle);
        Assert.Contains("XmlParser", used.Message);

        Assert.Throws<ArgumentException>(() => new WasmOwnedHandle<XmlParser>(WasmHandle<XmlParser>.Null, expat.ParserFree));
    }

    [Fact]
    public void A_handle_can_be_destroyed_through_the_destructor_export_named()
    {
        var expat = Expat;
        using (var parser = WasmOwnedHandle<XmlParser>.Own(_guest, expat.ParserCreate(null), "XML_ParserFree"))
        {
            Assert.Equal(XmlStatus.Ok, expat.Parse(parser.Handle, "<a/>"u8, 4, 1));
        }

        var missing = Assert.Throws<WasmBindingException>(() => WasmOwnedHandle<XmlParser>.Own(_guest, expat.ParserCreate(null), "XML_ParserDestroy"));
        Assert.Contains("XML_ParserDestroy", missing.Message);
        var mistyped = Assert.Throws<WasmBindingException>(() => WasmOwnedHandle<XmlParser>.Own(_guest, expat.ParserCreate(null), "XML_GetErrorCode"));
        Assert.Contains("(i32) -> i32", mistyped.Message);
    }

    [Fact]
    public void The_element_handlers_can_be_unset_with_null_and_their_slots_released()
    {
        var expat = Expat;
        int starts = 0;
        using var start = WasmCallback.Register<XmlStartElementHandler>(_guest, (_, _, _) => starts++);
        using var parser = new WasmOwnedHandle<XmlParser>(expat.ParserCreate(null), expat.ParserFree);
        expat.SetElementHandler(parser.Handle, start, null);
        Assert.Equal(XmlStatus.Ok, expat.Parse(parser.Handle, "<a><b/>"u8, 7, 0));
        Assert.Equal(2, starts);

        // NULL handlers (C's way to stop receiving events): later elements are not reported.
        expat.SetElementHandler(parser.Handle, null, null);
        start.Dispose();
        Assert.Equal(XmlStatus.Ok, expat.Parse(parser.Handle, "<c/></a>"u8, 8, 1));
        Assert.Equal(2, starts);
        Assert.Throws<ObjectDisposedException>(() => expat.SetElementHandler(parser.Handle, start, null));
    }

    [Fact]
    public void A_handler_that_throws_surfaces_from_XML_Parse_as_the_original_exception()
    {
        var expat = Expat;
        using var start = WasmCallback.Register<XmlStartElementHandler>(_guest, (_, name, _) =>
        {
            if (name == "bad")
            {
                throw new InvalidDataException("no <bad> elements");
            }
        });
        var parser = new WasmOwnedHandle<XmlParser>(expat.ParserCreate(null), expat.ParserFree);
        expat.SetElementHandler(parser.Handle, start, null);
        var thrown = Assert.Throws<WasmHostCallbackException>(() => expat.Parse(parser.Handle, "<a><bad/></a>"u8, 13, 1));
        Assert.IsType<InvalidDataException>(thrown.InnerException);
        Assert.Equal("IExpat.Parse", thrown.Method);

        // The parser was unwound mid-parse, so its state (and the C stack pointer) is unknown: the guest is poisoned,
        // and every later call says so instead of running on corrupt state.
        Assert.True(_guest.IsPoisoned);
        Assert.Throws<WasmGuestPoisonedException>(() => expat.GetErrorCode(parser.Handle));
        Assert.Throws<WasmGuestPoisonedException>(parser.Dispose);
        parser.Dispose(); // destroyed (or rather abandoned) once: the second dispose does nothing
    }

    [Fact]
    public void A_guest_without_an_exported_function_table_is_refused_at_bind_time()
    {
        // zlib is linked without --export-table.
        using var zlib = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("zlib")).Instantiate();
        var error = Assert.Throws<WasmBindingException>(() => zlib.Import<IExpat>());
        Assert.Contains(error.Mismatches, m => m.Item == WasmCallbackTable.ExportName && m.Member == "WasmMarshal.Tests.CLibraries.IExpat.SetElementHandler(start)" && m.Actual.Contains("--export-table"));
    }
}
