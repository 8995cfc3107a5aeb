using System.Linq;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// The ownership protocol end to end on the real guests: argument buffers from realloc are the guest's (it frees
/// them), results are freed by the guest in post-return, which the stubs call. If either side got it wrong, a few
/// thousand calls with kilobyte strings and lists would grow the guest heap by megabytes (or crash it on a double
/// free); with it right, memory stays where the first calls left it.
/// </summary>
public sealed class CanonicalOwnershipTests
{
    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Thousands_of_calls_do_not_grow_the_guest_heap(string guest)
    {
        using var api = CanonicalGuests.Core(guest, new TestHost());
        string text = string.Concat(Enumerable.Repeat("\u00e9t\u00e9 ", 256)); // 1.75 KiB of UTF-8
        byte[] bytes = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();
        uint[] words = Enumerable.Range(0, 1024).Select(i => (uint)i).ToArray();
        void Round()
        {
            Assert.Equal("Hello, " + text, api.Greet(text));
            Assert.Equal(4096, api.ReverseBytes(bytes).Length);
            Assert.Equal(1024, api.DoubleAll(words).Length);
            Assert.Equal(257, api.Split(text, new System.Text.Rune(' ')).Length);
            Assert.Equal(text + text, api.Join(new[] { text, text }, ""));
            Assert.Equal(text.Length + 1, api.MovePoint(new Point(1, 2, text), 1, 1).Label.Length);
        }

        for (int i = 0; i < 20; i++)
        {
            Round();
        }

        ulong settled = api.Memory.Length;
        for (int i = 0; i < 3000; i++)
        {
            Round();
        }

        // 3000 rounds move about 3000 * 30 KiB = 90 MiB through the guest; a leak of any one buffer kind would show.
        Assert.True(api.Memory.Length <= settled + 2 * 65536, $"guest memory grew from {settled} to {api.Memory.Length} bytes");
    }
}
