using System;
using System.Collections.Generic;
using System.IO;
using StbImageWriteSharp;

namespace WasmMarshal.Samples.Game;

/// <summary>An RGB image in memory, written as PNG with StbImageWriteSharp.</summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, (byte R, byte G, byte B) background)
    {
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
        Fill(0, 0, width, height, background);
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }

    public void Fill(int x, int y, int w, int h, (byte R, byte G, byte B) c)
    {
        for (int row = Math.Max(0, y); row < Math.Min(Height, y + h); row++)
        {
            for (int col = Math.Max(0, x); col < Math.Min(Width, x + w); col++)
            {
                int i = (row * Width + col) * 3;
                Pixels[i] = c.R;
                Pixels[i + 1] = c.G;
                Pixels[i + 2] = c.B;
            }
        }
    }

    public void Blit(RgbImage src, int x, int y)
    {
        for (int row = 0; row < src.Height; row++)
        {
            if (y + row < 0 || y + row >= Height) continue;
            for (int col = 0; col < src.Width; col++)
            {
                if (x + col < 0 || x + col >= Width) continue;
                Array.Copy(src.Pixels, (row * src.Width + col) * 3, Pixels, ((y + row) * Width + x + col) * 3, 3);
            }
        }
    }

    public byte[] EncodePng()
    {
        using var stream = new MemoryStream();
        new ImageWriter().WritePng(Pixels, Width, Height, ColorComponents.RedGreenBlue, stream);
        return stream.ToArray();
    }

    public void SavePng(string path) => File.WriteAllBytes(path, EncodePng());
}

/// <summary>Draws a board as colored squares, with the score in a tiny pixel font underneath.</summary>
public static class FrameRenderer
{
    public const int CellPx = 12;
    private const int HudPx = 16;

    private static readonly (byte, byte, byte) Background = (24, 26, 33);
    private static readonly (byte, byte, byte) EmptyCell = (38, 42, 52);
    private static readonly (byte, byte, byte) Food = (235, 72, 72);
    private static readonly (byte, byte, byte) Head = (250, 220, 80);
    private static readonly (byte, byte, byte) DeadHead = (150, 150, 150);
    private static readonly (byte, byte, byte) Text = (220, 220, 220);

    /// <summary>3x5 glyphs, one row per 3 bits (most significant bit on the left); other characters draw as blanks.</summary>
    private static readonly Dictionary<char, int[]> Glyphs = new()
    {
        ['0'] = [7, 5, 5, 5, 7], ['1'] = [2, 6, 2, 2, 7], ['2'] = [7, 1, 7, 4, 7], ['3'] = [7, 1, 7, 1, 7],
        ['4'] = [5, 5, 7, 1, 1], ['5'] = [7, 4, 7, 1, 7], ['6'] = [7, 4, 7, 5, 7], ['7'] = [7, 1, 1, 1, 1],
        ['8'] = [7, 5, 7, 5, 7], ['9'] = [7, 5, 7, 1, 7],
        ['A'] = [2, 5, 7, 5, 5], ['B'] = [6, 5, 6, 5, 6], ['C'] = [3, 4, 4, 4, 3], ['D'] = [6, 5, 5, 5, 6],
        ['E'] = [7, 4, 6, 4, 7], ['F'] = [7, 4, 6, 4, 4], ['G'] = [3, 4, 5, 5, 3], ['H'] = [5, 5, 7, 5, 5],
        ['I'] = [7, 2, 2, 2, 7], ['J'] = [1, 1, 1, 5, 2], ['K'] = [5, 5, 6, 5, 5], ['L'] = [4, 4, 4, 4, 7],
        ['M'] = [5, 7, 7, 5, 5], ['N'] = [6, 5, 5, 5, 5], ['O'] = [2, 5, 5, 5, 2], ['P'] = [6, 5, 6, 4, 4],
        ['Q'] = [2, 5, 5, 6, 3], ['R'] = [6, 5, 6, 5, 5], ['S'] = [3, 4, 2, 1, 6], ['T'] = [7, 2, 2, 2, 2],
        ['U'] = [5, 5, 5, 5, 7], ['V'] = [5, 5, 5, 5, 2], ['W'] = [5, 5, 7, 7, 5], ['X'] = [5, 5, 2, 5, 5],
        ['Y'] = [5, 5, 2, 2, 2], ['Z'] = [7, 1, 2, 4, 7],
        [':'] = [0, 2, 0, 2, 0], ['-'] = [0, 0, 7, 0, 0], ['.'] = [0, 0, 0, 0, 2], ['/'] = [1, 1, 2, 4, 4],
        ['!'] = [2, 2, 2, 0, 2], ['('] = [1, 2, 2, 2, 1], [')'] = [4, 2, 2, 2, 4],
    };

    /// <summary>One frame: the board, then the text the guest drew with env.draw_text (positions are in cells; row
    /// <paramref name="height"/> is the HUD strip under the board).</summary>
    public static RgbImage Render(ReadOnlySpan<Cell> board, int width, int height, StepInfo info,
        IReadOnlyList<(Point At, string Text)> texts)
    {
        var image = new RgbImage(width * CellPx, height * CellPx + HudPx, Background);
        bool dead = info.Alive == 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                Cell cell = board[y * width + x];
                var color = (CellKind)cell.Kind switch
                {
                    CellKind.Head => dead ? DeadHead : Head,
                    CellKind.Body => BodyColor(cell.Age, dead),
                    CellKind.Food => Food,
                    _ => EmptyCell,
                };
                image.Fill(x * CellPx + 1, y * CellPx + 1, CellPx - 2, CellPx - 2, color);
            }
        }
        foreach (var (at, text) in texts)
        {
            int x = at.X * CellPx + 2, y = at.Y * CellPx + 1;
            // Text on the board gets a backdrop so that it stays readable over the cells.
            if (at.Y < height)
                image.Fill(x - 3, y - 3, text.Length * 8 + 4, 16, Background);
            DrawText(image, x, y + 2, text, 2);
        }
        return image;
    }

    /// <summary>Green fading toward the tail; grey once the snake is dead.</summary>
    private static (byte, byte, byte) BodyColor(int age, bool dead)
    {
        int fade = Math.Min(age * 6, 120);
        return dead ? ((byte)(120 - fade / 2), (byte)(120 - fade / 2), (byte)(120 - fade / 2))
                    : ((byte)(60 - fade / 3), (byte)(210 - fade), (byte)(110 - fade / 2));
    }

    private static void DrawText(RgbImage image, int x, int y, string text, int scale)
    {
        foreach (char c in text)
        {
            if (Glyphs.TryGetValue(char.ToUpperInvariant(c), out int[]? rows))
            {
                for (int r = 0; r < 5; r++)
                    for (int b = 0; b < 3; b++)
                        if ((rows[r] >> (2 - b) & 1) != 0)
                            image.Fill(x + b * scale, y + r * scale, scale, scale, Text);
            }
            x += 4 * scale;
        }
    }

    /// <summary>Lays frames out in a grid, left to right, top to bottom.</summary>
    public static RgbImage ContactSheet(IReadOnlyList<RgbImage> frames, int columns)
    {
        const int gap = 6;
        int rows = (frames.Count + columns - 1) / columns;
        int fw = frames[0].Width, fh = frames[0].Height;
        var sheet = new RgbImage(columns * (fw + gap) + gap, rows * (fh + gap) + gap, (12, 12, 16));
        for (int i = 0; i < frames.Count; i++)
            sheet.Blit(frames[i], gap + i % columns * (fw + gap), gap + i / columns * (fh + gap));
        return sheet;
    }
}
