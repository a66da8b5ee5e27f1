using System;
using System.Diagnostics;
using MessageTrace.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.EndToEnd.Tests;

public sealed class OtlpJsonTests
{
    // Shaped like an answer of the Aspire dashboard 13.6 to GET /api/telemetry/traces.
    private const string DashboardAnswer = """
        {"data":{"resourceSpans":[
          {"scopeSpans":[{"scope":{"name":"RabbitMQ.Client.Publisher","version":"7.2.2"},"spans":[
             {"traceId":"2f07fe77458bc34cea4530d04edd52b7","spanId":"b00f086dea9bbc15","name":"publish q","kind":4,
              "startTimeUnixNano":"1795556210145915100","endTimeUnixNano":"1795556210150835300",
              "attributes":[{"key":"messaging.system","value":{"stringValue":"rabbitmq"}},
                            {"key":"messaging.message.body.size","value":{"stringValue":"10"}}]}]}],
           "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"publisher"}},
                                     {"key":"service.instance.id","value":{}}]}},
          {"scopeSpans":[{"scope":{"name":"RabbitMQ.Client.Subscriber"},"spans":[
             {"traceId":"2f07fe77458bc34cea4530d04edd52b7","spanId":"99aff93c840146ef","parentSpanId":"b00f086dea9bbc15",
              "name":"deliver q","kind":5,"startTimeUnixNano":"1795556210200000000","endTimeUnixNano":"1795556210300000000",
              "links":[{"traceId":"2f07fe77458bc34cea4530d04edd52b7","spanId":"b00f086dea9bbc15","traceState":""}],
              "status":{"code":2,"message":"boom"},
              "events":[{"name":"exception","timeUnixNano":"1795556210250000000",
                         "attributes":[{"key":"exception.type","value":{"stringValue":"System.Exception"}}]}]}]}],
           "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"consumer"}}]}}
        ]},"totalCount":1,"returnedCount":1}
        """;

    [Fact]
    public void DashboardAnswer_GivesOneRecordPerSpanWithItsResourceScopeAndRelations()
    {
        var spans = OtlpJson.ParseSpans(DashboardAnswer);

        Assert.Equal(2, spans.Count);
        var publish = spans[0];
        Assert.Equal("2f07fe77458bc34cea4530d04edd52b7", publish.TraceId);
        Assert.Equal("b00f086dea9bbc15", publish.SpanId);
        Assert.Null(publish.ParentSpanId);
        Assert.Equal("publish q", publish.Name);
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal("publisher", publish.ServiceName);
        Assert.Equal("RabbitMQ.Client.Publisher", publish.ScopeName);
        Assert.Equal("rabbitmq", publish.Attribute("messaging.system"));
        Assert.Equal("10", publish.Attribute("messaging.message.body.size"));
        Assert.Equal("", publish.ResourceAttributes["service.instance.id"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 36, 50, TimeSpan.Zero).AddTicks(1459151), publish.StartTime);
        Assert.Empty(publish.Links);
        Assert.Equal(ActivityStatusCode.Unset, publish.Status);

        var deliver = spans[1];
        Assert.Equal(ActivityKind.Consumer, deliver.Kind);
        Assert.Equal("consumer", deliver.ServiceName);
        Assert.True(deliver.IsChildOf(publish));
        Assert.True(deliver.LinksTo(publish));
        Assert.Null(Assert.Single(deliver.Links).TraceState);
        Assert.Equal(ActivityStatusCode.Error, deliver.Status);
        Assert.Equal("boom", deliver.StatusMessage);
        Assert.Equal("System.Exception", Assert.Single(deliver.Events).Attributes["exception.type"]);
    }

    [Fact]
    public void PlainTracesData_WithEnumNamesAndTypedValues_IsReadToo()
    {
        const string json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"s"}}]},
             "scopeSpans":[{"scope":{"name":"x"},"spans":[
               {"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174","parentSpanId":"",
                "name":"n","kind":"SPAN_KIND_CLIENT","status":{"code":"STATUS_CODE_OK"},
                "attributes":[{"key":"i","value":{"intValue":"7"}},{"key":"j","value":{"intValue":8}},
                              {"key":"b","value":{"boolValue":false}},{"key":"d","value":{"doubleValue":1.25}},
                              {"key":"a","value":{"arrayValue":{"values":[{"stringValue":"x"},{"intValue":"2"}]}}}]}]}]}]}
            """;

        var span = Assert.Single(OtlpJson.ParseSpans(json));

        Assert.Equal("5b8efff798038103d269b633813fc60c", span.TraceId);
        Assert.Null(span.ParentSpanId);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Equal("7", span.Attribute("i"));
        Assert.Equal("8", span.Attribute("j"));
        Assert.Equal("false", span.Attribute("b"));
        Assert.Equal("1.25", span.Attribute("d"));
        Assert.Equal("[x,2]", span.Attribute("a"));
    }

    [Fact]
    public void EmptyAnswer_GivesNoSpans()
    {
        Assert.Empty(OtlpJson.ParseSpans("""{"data":{"resourceSpans":[]},"totalCount":0,"returnedCount":0}"""));
        Assert.Empty(OtlpJson.ParseSpans("{}"));
    }
}
