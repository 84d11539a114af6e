namespace Renderer.Core.Input;

/// <summary>What the inputs read so far hold, counted against the whole-run limits of <see cref="LoadLimits"/>.</summary>
public readonly record struct LoadTotals(long Nodes, long Documents);
