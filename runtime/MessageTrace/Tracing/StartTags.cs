using System;
using System.Collections;
using System.Collections.Generic;

namespace MessageTrace;

/// <summary>
/// The sampling-relevant tags handed to <c>ActivitySource.StartActivity</c>. The API takes an
/// <see cref="IEnumerable{T}"/>, so a struct would be boxed and a list allocated per span; instead one
/// instance per thread is filled, enumerated during the call, and cleared. The activity copies the
/// tags, and nothing keeps the enumerable after the call returns.
/// </summary>
internal sealed class StartTags : IEnumerable<KeyValuePair<string, object?>>, IEnumerator<KeyValuePair<string, object?>>
{
    private const int Capacity = 8;

    [ThreadStatic]
    private static StartTags? t_instance;

    private readonly KeyValuePair<string, object?>[] _items = new KeyValuePair<string, object?>[Capacity];
    private KeyValuePair<string, object?>[]? _shared;
    private int _count;
    private int _position = -1;
    private bool _rented;

    /// <summary>Rents the thread's instance (or a fresh one if a listener re-entered on this thread).</summary>
    public static StartTags Rent()
    {
        var tags = t_instance ??= new StartTags();
        if (tags._rented)
        {
            tags = new StartTags();
        }

        tags._rented = true;
        return tags;
    }

    public int Count => _count;

    /// <summary>Adds a tag when the value is present; tags beyond the capacity are dropped (callers set fewer).</summary>
    public void Add(string key, string? value)
    {
        if (value is not null && _count < Capacity)
        {
            _items[_count++] = new KeyValuePair<string, object?>(key, value);
        }
    }

    /// <summary>Enumerates <paramref name="shared"/>, a read-only array built once (<see cref="StartShape"/>), instead of own items.</summary>
    public void Share(KeyValuePair<string, object?>[] shared)
    {
        _shared = shared;
        _count = shared.Length;
    }

    /// <summary>The tags added, as an array of their own.</summary>
    public KeyValuePair<string, object?>[] ToArray()
    {
        var copy = new KeyValuePair<string, object?>[_count];
        Array.Copy(_shared ?? _items, copy, _count);
        return copy;
    }

    /// <summary>Clears and returns the instance to its thread.</summary>
    public void Return()
    {
        if (_shared is not null)
        {
            _shared = null;
        }
        else
        {
            Array.Clear(_items, 0, _count);
        }

        _count = 0;
        _position = -1;
        _rented = false;
    }

    public KeyValuePair<string, object?> Current => (_shared ?? _items)[_position];

    object IEnumerator.Current => Current;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        _position = -1;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool MoveNext() => ++_position < _count;

    public void Reset() => _position = -1;

    public void Dispose()
    {
    }
}
