namespace Competition.Engine.Common;

/// <summary>
/// A thread-safe least-recently-used map with a fixed capacity: the in-memory caches of papers, attempt owners and
/// question versions keep what is in use and let the rest go, instead of growing for the life of the process.
/// Misses are the caller's to load; an evicted entry is simply loaded again.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _map = new();
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new(); // most recently used first
    private readonly Lock _gate = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count { get { lock (_gate) return _map.Count; } }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public bool Contains(TKey key)
    {
        lock (_gate) return _map.ContainsKey(key);
    }

    public void Set(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (_map.Remove(key, out var old)) _order.Remove(old);
            _map[key] = _order.AddFirst((key, value));
            while (_map.Count > Capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }

    public void Remove(TKey key)
    {
        lock (_gate)
            if (_map.Remove(key, out var node)) _order.Remove(node);
    }
}
