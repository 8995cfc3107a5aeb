using System;
using System.Collections.Generic;
using System.IO;
using StbImageSharp;
using StbImageWriteSharp;

namespace ComputePlugins;

/// <summary>RGBA pixels, 4 bytes per pixel, rows top to bottom.</summary>
public sealed class RgbaImage
{
    /// <summary>Creates an image over <paramref name="pixels"/> (width * height * 4 bytes).</summary>
    public RgbaImage(int width, int height, byte[] pixels)
    {
        if (width <= 0 || height <= 0 || pixels.Length != checked(width * height * 4))
            throw new ArgumentException($"{width}x{height} RGBA needs {width * height * 4} bytes, got {pixels.Length}");
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixels.</summary>
    public byte[] Pixels { get; }

    /// <summary>A copy.</summary>
    public RgbaImage Clone() => new(Width, Height, (byte[])Pixels.Clone());

    /// <summary>Reads a PNG, JPEG, BMP, ... as RGBA (StbImageSharp).</summary>
    public static RgbaImage Load(string path)
    {
        using var stream = File.OpenRead(path);
        var image = ImageResult.FromStream(stream, StbImageSharp.ColorComponents.RedGreenBlueAlpha);
        return new RgbaImage(image.Width, image.Height, image.Data);
    }

    /// <summary>The width and height of an image file, read from its header.</summary>
    public static (int Width, int Height) Size(string path)
    {
        using var stream = File.OpenRead(path);
        var info = ImageInfo.FromStream(stream) ?? throw new InvalidDataException($"{path}: not an image StbImageSharp can read");
        return (info.Width, info.Height);
    }

    /// <summary>Writes a PNG (StbImageWriteSharp).</summary>
    public void SavePng(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        new ImageWriter().WritePng(Pixels, Width, Height, StbImageWriteSharp.ColorComponents.RedGreenBlueAlpha, stream);
    }

    /// <summary>
    /// Tiles side by side on a dark background, <paramref name="columns"/> per row, each with its label (if
    /// <paramref name="labels"/> is given) in a strip below it, drawn with <see cref="TinyFont"/>.
    /// </summary>
    public static RgbaImage ContactSheet(IReadOnlyList<RgbaImage> tiles, int columns, IReadOnlyList<string>? labels = null, int gap = 4)
    {
        int cellW = 0, cellH = 0;
        foreach (var tile in tiles)
        {
            cellW = Math.Max(cellW, tile.Width);
            cellH = Math.Max(cellH, tile.Height);
        }
        int labelH = labels is null ? 0 : LabelStripHeight;
        columns = Math.Max(1, Math.Min(columns, tiles.Count));
        int rows = (tiles.Count + columns - 1) / columns;
        int width = columns * cellW + (columns + 1) * gap, height = rows * (cellH + labelH) + (rows + 1) * gap;
        var pixels = new byte[width * height * 4];
        for (int i = 0; i < pixels.Length; i += 4)
        {
            pixels[i] = pixels[i + 1] = pixels[i + 2] = Background;
            pixels[i + 3] = 255;
        }
        for (int t = 0; t < tiles.Count; t++)
        {
            var tile = tiles[t];
            int x0 = gap + (t % columns) * (cellW + gap), y0 = gap + (t / columns) * (cellH + labelH + gap);
            for (int y = 0; y < tile.Height; y++)
                Array.Copy(tile.Pixels, y * tile.Width * 4, pixels, ((y0 + y) * width + x0) * 4, tile.Width * 4);
            if (labels is not null && t < labels.Count)
                TinyFont.Draw(pixels, width, labels[t], x0, y0 + cellH + LabelPadding, LabelScale, cellW, LabelShade);
        }
        return new RgbaImage(width, height, pixels);
    }

    /// <summary>The contact sheet's colours and label strip: 5x7 glyphs at 2x, 3 pixels of padding above and below.</summary>
    public const byte Background = 32, LabelShade = 235;
    public const int LabelScale = 2, LabelPadding = 3, LabelStripHeight = TinyFont.GlyphHeight * LabelScale + 2 * LabelPadding;

    /// <summary>
    /// The bundled sample images (images/*.png were made with this, <c>ComputePlugins generate-images images</c>): a
    /// 256x192 landscape with gradients, hard edges and fine detail, and a smaller pattern of rings.
    /// </summary>
    public static IEnumerable<(string Name, RgbaImage Image)> Samples()
    {
        yield return ("landscape", Draw(256, 192, (x, y, w, h) =>
        {
            double u = x / (double)(w - 1), v = y / (double)(h - 1);
            // Sky: blue at the top to orange at the horizon.
            (double r, double g, double b) c = (40 + 215 * v, 90 + 100 * v, 200 - 140 * v);
            // Sun.
            double sx = x - w * 0.75, sy = y - h * 0.28;
            if (sx * sx + sy * sy < 22 * 22) c = (255, 230, 90);
            // Two rolling hills.
            double far = h * (0.62 + 0.06 * Math.Sin(u * 7.0));
            double near = h * (0.76 + 0.05 * Math.Sin(u * 11.0 + 1.3));
            if (y > far) c = (60 + 40 * u, 150 - 30 * v, 70);
            if (y > near) c = (30 + 30 * Math.Sin(x / 3.0), 110 + 25 * ((x / 6 + y / 6) % 2), 40);
            // A house: red wall, dark roof, yellow window.
            double hx = w * 0.22, hy = h * 0.52;
            if (x > hx && x < hx + 56 && y > hy && y < hy + 44) c = (190, 50, 45);
            if (y <= hy && y > hy - 28 && Math.Abs(x - (hx + 28)) < (y - (hy - 28)) * 1.25) c = (70, 40, 60);
            if (x > hx + 10 && x < hx + 24 && y > hy + 10 && y < hy + 24) c = (250, 235, 120);
            if (x > hx + 34 && x < hx + 46 && y > hy + 20 && y < hy + 44) c = (90, 60, 30);
            return c;
        }));
        yield return ("rings", Draw(128, 96, (x, y, w, h) =>
        {
            // Concentric rings over a vertical gradient, with a checkerboard corner.
            double dx = x - w / 2.0, dy = y - h / 2.0, d = Math.Sqrt(dx * dx + dy * dy);
            double ring = (Math.Sin(d / 3.0) + 1) / 2;
            (double r, double g, double b) c = (40 + 180 * ring, 200 * y / (double)h, 120 + 120 * (1 - ring));
            if (x < w / 4 && y > h * 3 / 4) c = ((x / 8 + y / 8) % 2 == 0) ? (0, 0, 0) : (255, 255, 255);
            return c;
        }));
    }

    private static RgbaImage Draw(int width, int height, Func<int, int, int, int, (double R, double G, double B)> colour)
    {
        var pixels = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            var (r, g, b) = colour(x, y, width, height);
            int i = (y * width + x) * 4;
            pixels[i] = (byte)Math.Clamp(Math.Round(r), 0, 255);
            pixels[i + 1] = (byte)Math.Clamp(Math.Round(g), 0, 255);
            pixels[i + 2] = (byte)Math.Clamp(Math.Round(b), 0, 255);
            pixels[i + 3] = 255;
        }
        return new RgbaImage(width, height, pixels);
    }
}
