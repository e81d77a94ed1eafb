using EvalFramework.Collector.Reports;
using Microsoft.AspNetCore.Http;

namespace EvalFramework.Collector.Tests.Reports;

/// <summary>Which language <c>/reports</c> answers in.</summary>
public sealed class ReportLanguageTests
{
    [Theory]
    [InlineData(null, "en-GB,en;q=0.9", "en")]
    [InlineData(null, "de, en;q=0.5, sv;q=0.4", "en")]
    [InlineData(null, "sv;q=0, en;q=0.1", "en")]
    [InlineData(null, "", "sv")]
    [InlineData("en", "sv-SE", "en")]
    [InlineData("fr", "sv-SE", "sv")]
    public void Language_LangParameterThenAcceptLanguageThenSwedish(string? lang, string acceptLanguage, string expected)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.AcceptLanguage = acceptLanguage;

        Assert.Equal(expected, ReportsApi.Language(http.Request, lang));
    }
}
