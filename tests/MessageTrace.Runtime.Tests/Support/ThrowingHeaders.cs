using System;
using System.Collections.Generic;

namespace MessageTrace.Runtime.Tests;

/// <summary>Header access over a dictionary that throws from every read and write, as a hostile or broken carrier would.</summary>
internal readonly struct ThrowingHeaders : IHeaderWriter<Dictionary<string, string>>
{
    public bool PrefersUtf8 => false;

    public bool CanWrite(Dictionary<string, string> carrier) => true;

    public bool TryRead(Dictionary<string, string> carrier, string name, out HeaderValue value) =>
        throw new InvalidOperationException("read failed");

    public void Write(Dictionary<string, string> carrier, string name, string value) =>
        throw new InvalidOperationException("write failed");

    public void WriteUtf8(Dictionary<string, string> carrier, string name, byte[] value) =>
        throw new InvalidOperationException("write failed");

    public bool IsWrittenByMessageTrace(Dictionary<string, string> carrier, string ourKey) =>
        throw new InvalidOperationException("read failed");

    public void Remove(Dictionary<string, string> carrier, string name) =>
        throw new InvalidOperationException("write failed");
}
