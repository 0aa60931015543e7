-module(gc_explicit).
-export([main/0]).
%% erlang:garbage_collect/0,1,2 and erts_debug:flat_size/1, same/2.
main() ->
    L = lists:seq(1, 1000),
    io:format("~p~n", [erlang:garbage_collect()]),
    io:format("~p~n", [lists:sum(L)]),
    P = spawn(fun() -> receive stop -> ok end end),
    io:format("~p~n", [erlang:garbage_collect(P)]),
    io:format("~p~n", [erlang:garbage_collect(self(), [{type, minor}])]),
    {'EXIT', {R, [{erlang, garbage_collect, [_, [bogus]], Loc} | _]}} = (catch erlang:garbage_collect(self(), [bogus])),
    io:format("~p ~p~n", [R, Loc]),
    P ! stop,
    timer:sleep(10),
    io:format("~p~n", [erlang:garbage_collect(P)]),
    io:format("~p~n", [[erts_debug:flat_size(T) || T <- [a, 1, [1], {a, b}, <<1,2,3>>, "abc", 1.5, 1 bsl 70, #{a => 1}]]]),
    T = {x, y},
    io:format("~p ~p~n", [erts_debug:same(T, T), erts_debug:same(T, {x, list_to_atom("y")})]),
    ok.
