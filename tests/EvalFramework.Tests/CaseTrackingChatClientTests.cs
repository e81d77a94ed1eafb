using EvalFramework.Contract;
using EvalFramework.Tests.Support;
using Microsoft.Extensions.AI;

namespace EvalFramework.Tests;

public sealed class CaseTrackingChatClientTests
{
    private static ChatResponse Response(string? modelId) => new(new ChatMessage(ChatRole.Assistant, "Bygglov behövs."))
    {
        ModelId = modelId,
        Usage = new UsageDetails { InputTokenCount = 321, OutputTokenCount = 45 },
    };

    private static IReadOnlyList<ChatResponseUpdate> Updates() =>
    [
        new(ChatRole.Assistant, "Bygg") { ModelId = "stream-model" },
        new(ChatRole.Assistant, "lov."),
        new() { Contents = [new UsageContent(new UsageDetails { InputTokenCount = 100, OutputTokenCount = 7 })] },
    ];

    private static IChatClient Build(ChatResponse response, string? defaultModel = null) =>
        new ChatClientBuilder(new FakeChatClient(response, Updates(), defaultModel)).UseCaseTracking().Build();

    [Fact]
    public async Task GetResponseAsync_InsideCase_RecordsOneAiUsageWithTokensAndModel()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);
        var client = Build(Response("gpt-4o-mini"));
        string caseId;

        using (var tracked = tracker.StartCase("building-permit-question", "ai_assisted", "ref-1"))
        {
            caseId = tracked.CaseId;
            var answer = await client.GetResponseAsync("Behöver jag bygglov för en altan?");
            Assert.Equal("Bygglov behövs.", answer.Text);
            tracked.Complete();
        }

        await tracker.FlushWithin();

        var usage = Assert.Single(handler.Stored, e => e.Type == EventTypes.AiUsage);
        Assert.Equal(caseId, usage.CaseId);
        Assert.Equal("gpt-4o-mini", usage.Model);
        Assert.Equal(321, usage.InputTokens);
        Assert.Equal(45, usage.OutputTokens);
        Assert.NotNull(usage.DurationMs);
        Assert.InRange(usage.DurationMs!.Value, 0, 5000);
    }

    [Fact]
    public async Task GetResponseAsync_OutsideCase_RecordsNothing()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);
        var client = Build(Response("gpt-4o-mini"));
        Assert.Null(TrackedCase.Current);

        await client.GetResponseAsync("Hej");
        await tracker.FlushWithin();

        Assert.Equal(0, tracker.Statistics.Queued);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(null, "options-model", "default-model", "options-model")]
    [InlineData(null, null, "default-model", "default-model")]
    [InlineData(null, null, null, "unknown")]
    public async Task GetResponseAsync_NoModelOnResponse_FallsBackToOptionsThenMetadataThenUnknown(
        string? responseModel, string? optionsModel, string? defaultModel, string expected)
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);
        var client = Build(Response(responseModel), defaultModel);

        using (tracker.Case("ref-1"))
        {
            await client.GetResponseAsync("Hej", new ChatOptions { ModelId = optionsModel });
        }

        await tracker.FlushWithin();

        Assert.Equal(expected, Assert.Single(handler.Stored).Model);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_InsideCase_RecordsUsageFromUsageContent()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);
        var client = Build(Response("unused"));
        var text = "";

        using (tracker.Case("ref-1"))
        {
            await foreach (var update in client.GetStreamingResponseAsync("Behöver jag bygglov?"))
            {
                text += update.Text;
            }
        }

        await tracker.FlushWithin();

        Assert.Equal("Bygglov.", text);
        var usage = Assert.Single(handler.Stored);
        Assert.Equal(EventTypes.AiUsage, usage.Type);
        Assert.Equal("stream-model", usage.Model);
        Assert.Equal(100, usage.InputTokens);
        Assert.Equal(7, usage.OutputTokens);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_OutsideCase_RecordsNothing()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);
        var client = Build(Response("unused"));

        await foreach (var _ in client.GetStreamingResponseAsync("Hej"))
        {
        }

        await tracker.FlushWithin();

        Assert.Equal(0, tracker.Statistics.Queued);
    }
}
