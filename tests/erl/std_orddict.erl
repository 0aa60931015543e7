-module(std_orddict).
-export([main/0]).

%% orddict and ordsets.

main() ->
    D = orddict:from_list([{c, 3}, {a, 1}, {b, 2}, {a, 10}]),
    io:format("~p~n", [D]),
    io:format("~p~n", [orddict:store(aa, 5, D)]),
    io:format("~p ~p~n", [orddict:find(b, D), orddict:find(z, D)]),
    io:format("~p~n", [orddict:fetch(c, D)]),
    io:format("~p~n", [orddict:erase(b, D)]),
    io:format("~p~n", [orddict:append(x, 1, orddict:append(x, 2, []))]),
    io:format("~p~n", [orddict:update_counter(a, 1, D)]),
    io:format("~p~n", [orddict:merge(fun(_, A, B) -> A * B end, D, [{b, 5}, {d, 7}])]),
    io:format("~p~n", [orddict:fold(fun(K, V, Acc) -> [{V, K} | Acc] end, [], D)]),
    io:format("~p~n", [orddict:map(fun(_, V) -> V + 1 end, D)]),
    io:format("~p~n", [orddict:filter(fun(_, V) -> V > 2 end, D)]),
    io:format("~p ~p~n", [orddict:size(D), orddict:fetch_keys(D)]),
    io:format("~p~n", [orddict:take(a, D)]),
    S = ordsets:from_list([5, 3, 1, 3, 9]),
    T = ordsets:from_list([3, 4, 5]),
    io:format("~p ~p~n", [S, T]),
    io:format("~p~n", [ordsets:union(S, T)]),
    io:format("~p~n", [ordsets:union([S, T, [0]])]),
    io:format("~p~n", [ordsets:intersection(S, T)]),
    io:format("~p~n", [ordsets:intersection([S, T, [5]])]),
    io:format("~p~n", [ordsets:subtract(S, T)]),
    io:format("~p ~p~n", [ordsets:is_element(9, S), ordsets:is_subset([1, 3], S)]),
    io:format("~p ~p~n", [ordsets:add_element(4, S), ordsets:del_element(3, S)]),
    io:format("~p~n", [ordsets:is_disjoint(S, [2, 4])]),
    io:format("~p~n", [ordsets:fold(fun(X, A) -> X + A end, 0, S)]),
    io:format("~p~n", [ordsets:filter(fun(X) -> X > 2 end, S)]),
    io:format("~p ~p~n", [ordsets:is_set([1, 2]), ordsets:is_set([2, 1])]),
    ok.
