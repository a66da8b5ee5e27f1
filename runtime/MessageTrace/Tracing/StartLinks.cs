using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// Up to two links (the creation context and, under one parent policy, the ambient span) handed to
/// <c>StartActivity</c> without allocating a per-span array: the same reuse as <see cref="StartTags"/>.
/// </summary>
internal sealed class StartLinks : IEnumerable<ActivityLink>, IEnumerator<ActivityLink>
{
    [ThreadStatic]
    private static StartLinks? t_instance;

    private ActivityLink _first;
    private ActivityLink _second;
    private int _count;
    private int _position = -1;
    private bool _rented;

    public static StartLinks Rent()
    {
        var links = t_instance ??= new StartLinks();
        if (links._rented)
        {
            links = new StartLinks();
        }

        links._rented = true;
        return links;
    }

    public int Count => _count;

    public void Add(in ActivityContext context)
    {
        if (context == default || _count == 2)
        {
            return;
        }

        if (_count == 0)
        {
            _first = new ActivityLink(context);
        }
        else
        {
            _second = new ActivityLink(context);
        }

        _count++;
    }

    public void Return()
    {
        _first = default;
        _second = default;
        _count = 0;
        _position = -1;
        _rented = false;
    }

    public ActivityLink Current => _position == 0 ? _first : _second;

    object IEnumerator.Current => Current;

    public IEnumerator<ActivityLink> GetEnumerator()
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
