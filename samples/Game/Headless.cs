using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace WasmMarshal.Samples.Game;

/// <summary>What a headless run produced.</summary>
public sealed record HeadlessResult(
    string Description,
    IReadOnlyList<string> FramePaths,
    string ContactSheetPath,
    int BestScore,
    int FinalScore,
    int Games,
    string StateHash,
    string PngHash,
    TimeSpan GuestTime);

/// <summary>Plays a fixed number of frames with the guest's autopilot and writes one PNG per frame, a contact sheet and
/// the guest's log; hashes the game state and the PNG bytes so that runs can be compared.</summary>
public static class HeadlessRunner
{
    public static HeadlessResult Run(string guest, int frames, uint seed, string outDir,
        int width = 24, int height = 16, int sheetFrames = 12, string? guestDir = null)
    {
        if (frames < 1) throw new ArgumentOutOfRangeException(nameof(frames), "at least one frame");
        if (sheetFrames < 1) throw new ArgumentOutOfRangeException(nameof(sheetFrames), "at least one frame on the sheet");
        Directory.CreateDirectory(outDir);
        using var session = new GameSession(guest, seed, width, height, guestDir);
        using var stateHash = new FrameHash();
        using var pngHash = new FrameHash();
        var paths = new List<string>(frames);
        var images = new List<RgbImage>(frames);
        int best = 0;
        var guestTime = new Stopwatch();
        // Frame 0 is the board Reset wrote; after a crash the next frame starts a new game.
        for (int frame = 0; frame < frames; frame++)
        {
            if (frame > 0)
            {
                guestTime.Start();
                if (session.Last.Alive == 0)
                    session.Reset();
                else
                    session.Step(autopilot: true);
                guestTime.Stop();
            }
            StepInfo info = session.Last;
            best = Math.Max(best, info.Score);
            stateHash.AddFrame(info, session.Board, session.Host.Texts);

            RgbImage image = FrameRenderer.Render(session.Board, width, height, info, session.Host.Texts);
            byte[] png = image.EncodePng();
            pngHash.Add(png);
            string path = Path.Combine(outDir, $"frame_{frame:D4}.png");
            File.WriteAllBytes(path, png);
            paths.Add(path);
            images.Add(image);
        }
        foreach (string line in session.Host.LogLines)
            stateHash.Add(line);

        // The contact sheet: sheetFrames frames spread evenly over the run, first and last included.
        int count = Math.Min(sheetFrames, frames);
        var picked = Enumerable.Range(0, count)
            .Select(i => count == 1 ? frames - 1 : (int)((long)i * (frames - 1) / (count - 1)))
            .Select(i => images[i]).ToList();
        string sheet = Path.Combine(outDir, "contact-sheet.png");
        FrameRenderer.ContactSheet(picked, Math.Min(4, count)).SavePng(sheet);
        File.WriteAllLines(Path.Combine(outDir, "log.txt"), session.Host.LogLines);
        return new HeadlessResult(session.Description, paths, sheet, best, session.Last.Score, session.Games,
            stateHash.Finish(), pngHash.Finish(), guestTime.Elapsed);
    }
}
