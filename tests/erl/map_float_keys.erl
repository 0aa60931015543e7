-module(map_float_keys).
-export([main/0]).

%% Integer and float keys are distinct map keys (matching is exact, =:=).

main() ->
    M = #{1 => int, 1.0 => float},
    io:format("~p ~p~n", [map_size(M), M]),
    io:format("~p ~p~n", [maps:get(1, M), maps:get(1.0, M)]),
    io:format("~p~n", [maps:find(1.0, #{1 => x})]),
    io:format("~p~n", [maps:is_key(2, #{2.0 => x})]),
    io:format("~p~n", [case #{1.0 => a} of #{1 := V} -> V; _ -> nomatch end]),
    io:format("~p~n", [(id(#{1 => a}))#{1.0 => b}]),
    io:format("~p~n", [t(fun() -> (id(#{1 => a}))#{1.0 := b} end)]),
    io:format("~p~n", [maps:from_list([{0, a}, {0.0, b}, {-0.0, c}])]),
    L = maps:from_list([{I, i} || I <- lists:seq(1, 20)] ++ [{float(I), f} || I <- lists:seq(1, 20)]),
    io:format("~p~n", [map_size(L)]),
    io:format("~w~n", [maps:keys(L)]),
    io:format("~p~n", [#{1 => a} =:= #{1.0 => a}]),
    io:format("~p~n", [#{1 => a} == #{1.0 => a}]),
    io:format("~p~n", [#{{1} => a} == #{{1.0} => a}]),
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
