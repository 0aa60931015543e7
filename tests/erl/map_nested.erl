-module(map_nested).
-export([main/0]).

%% Nested maps: deep update, maps as sets and counters, word frequency.

main() ->
    Cfg = #{db => #{host => "localhost", port => 5432}, cache => #{ttl => 60}},
    Cfg2 = Cfg#{db := (maps:get(db, Cfg))#{port := 6543, user => "admin"}},
    io:format("~p~n", [Cfg2]),
    io:format("~p~n", [deep_put([a, b, c], 1, #{})]),
    io:format("~p~n", [deep_put([a, b, d], 2, deep_put([a, b, c], 1, #{}))]),
    Text = "the cat and the hat and the bat sat on the mat",
    Freq = lists:foldl(fun(W, Acc) -> maps:update_with(W, fun(C) -> C + 1 end, 1, Acc) end, #{}, string:tokens(Text, " ")),
    io:format("~p~n", [Freq]),
    io:format("~p~n", [lists:reverse(lists:keysort(2, maps:to_list(Freq)))]),
    Set = maps:from_keys(lists:seq(1, 10), []),
    io:format("~p~n", [maps:keys(maps:without(lists:seq(2, 10, 2), Set))]),
    Graph = #{a => [b, c], b => [d], c => [d, e], d => [f], e => [f], f => []},
    io:format("~p~n", [reach(Graph, [a], #{})]),
    ok.

deep_put([K], V, M) -> M#{K => V};
deep_put([K | Ks], V, M) -> M#{K => deep_put(Ks, V, maps:get(K, M, #{}))}.

reach(_, [], Seen) -> lists:sort(maps:keys(Seen));
reach(G, [N | Rest], Seen) when is_map_key(N, Seen) -> reach(G, Rest, Seen);
reach(G, [N | Rest], Seen) -> reach(G, maps:get(N, G) ++ Rest, Seen#{N => true}).
