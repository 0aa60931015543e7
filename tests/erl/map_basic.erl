-module(map_basic).
-export([main/0]).

%% Map literals, update with => and :=, map patterns in heads and case, guards.

main() ->
    M0 = #{},
    M1 = M0#{a => 1, b => 2},
    M2 = M1#{a := 10},
    M3 = M2#{c => 3, a => 100},
    io:format("~p ~p ~p ~p~n", [M0, M1, M2, M3]),
    #{a := A, c := C} = M3,
    io:format("~p ~p~n", [A, C]),
    io:format("~p~n", [describe(#{type => circle, r => 2})]),
    io:format("~p~n", [describe(#{type => rect, w => 3, h => 4})]),
    io:format("~p~n", [describe(#{type => other})]),
    io:format("~p~n", [describe(#{})]),
    K = key,
    M4 = #{K => value, {K} => tuple, [K] => list, <<"k">> => bin, 1 => int},
    io:format("~p~n", [M4]),
    #{K := V, {K} := V2} = M4,
    io:format("~p ~p~n", [V, V2]),
    io:format("~p ~p~n", [map_size(M4), is_map(M4)]),
    io:format("~p~n", [case M4 of #{1 := X} when X =:= int -> yes; _ -> no end]),
    io:format("~p~n", [is_map_key(K, M4)]),
    io:format("~p~n", [[X || #{x := X} <- [#{x => 1}, #{y => 2}, #{x => 3, y => 4}]]]),
    io:format("~p~n", [#{a => 1, a => 2}]),
    io:format("~p~n", [(id(#{a => 1}))#{a => 2, a => 3}]),
    io:format("~p~n", [#{{a, b} => #{nested => [1, 2]}}]),
    io:format("~w~n", [#{"str" => "val", 1.0 => 2}]),
    ok.

describe(#{type := circle, r := R}) -> {circle, 3.14159 * R * R};
describe(#{type := rect, w := W, h := H}) when W > 0 -> {rect, W * H};
describe(#{type := T}) -> {unknown, T};
describe(M) when map_size(M) =:= 0 -> empty.

id(X) -> X.
