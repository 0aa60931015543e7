-module(list_improper).
-export([main/0]).

%% Improper lists: construction, printing, matching and BIF errors.

main() ->
    Ls = [[a | b], [1, 2 | 3], [[] | []], [a | {}], [1 | <<2>>], [$a, $b | $c], ["ab" | "cd"], [a, b | []]],
    [io:format("~p ~w~n", [L, L]) || L <- Ls],
    [io:format("proper ~w: ~p~n", [L, t(fun() -> length(L) end)]) || L <- Ls],
    [H | T] = [1 | 2],
    io:format("~p ~p~n", [H, T]),
    io:format("~p~n", [t(fun() -> [a | b] ++ [c] end)]),
    io:format("~p~n", [[a] ++ b]),
    io:format("~p~n", [[a, b] ++ [c | d]]),
    io:format("~p~n", [t(fun() -> [a | b] -- [a] end)]),
    io:format("~p~n", [t(fun() -> lists:sum([1, 2 | 3]) end)]),
    io:format("~p~n", [t(fun() -> lists:map(fun(X) -> X end, [1 | 2]) end)]),
    io:format("~p~n", [t(fun() -> lists:foldl(fun(X, A) -> X + A end, 0, [1 | 2]) end)]),
    io:format("~p~n", [t(fun() -> list_to_tuple([1 | 2]) end)]),
    io:format("~p~n", [t(fun() -> lists:flatten([1, [2 | 3]]) end)]),
    io:format("~p~n", [t(fun() -> erlang:list_to_binary([1 | 2]) end)]),
    io:format("~p~n", [iolist_to_binary([<<"ab">> | <<"cd">>])]),
    io:format("~p~n", [[X || X <- [1, 2, 3]]]),
    io:format("~p~n", [t(fun() -> [X || X <- [1, 2 | 3]] end)]),
    io:format("~p~n", [is_list([a | b])]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
