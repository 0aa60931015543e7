-module(list_bifs).
-export([main/0]).

%% Core list BIFs: length, hd, tl, ++, --, lists:reverse, member, nth.

main() ->
    L = [1, two, "three", {4}, [5], 6.0],
    io:format("~p ~w ~p ~p~n", [L, length(L), hd(L), tl(L)]),
    io:format("~p~n", [lists:reverse(L)]),
    io:format("~p~n", [lists:reverse(L, [tail])]),
    io:format("~p ~p~n", [lists:member(two, L), lists:member(2, L)]),
    io:format("~p~n", [[lists:nth(I, L) || I <- lists:seq(1, 6)]]),
    io:format("~w~n", [length(lists:seq(1, 100000))]),
    io:format("~w~n", [length([])]),
    io:format("~p~n", [[hd([x | y]), tl([x | y])]]),
    io:format("~p~n", [t(fun() -> hd([]) end)]),
    io:format("~p~n", [t(fun() -> tl([]) end)]),
    io:format("~p~n", [t(fun() -> hd(a) end)]),
    io:format("~p~n", [t(fun() -> length([a | b]) end)]),
    io:format("~p~n", [t(fun() -> length(a) end)]),
    io:format("~p~n", [lists:reverse(lists:seq(1, 20))]),
    io:format("~p~n", [t(fun() -> lists:reverse(a) end)]),
    io:format("~p~n", [t(fun() -> lists:reverse([a | b]) end)]),
    io:format("~p~n", [t(fun() -> lists:nth(0, [a]) end)]),
    io:format("~p~n", [t(fun() -> lists:nth(2, [a]) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
