-module(hash_phash2_maps).
-export([main/0]).

%% erlang:phash2 on maps, small and large, independent of construction order.

main() ->
    Maps = [#{}, #{a => 1}, #{a => 1, b => 2}, #{b => 2, a => 1}, #{1 => a}, #{1.0 => a}, #{[] => {}},
            #{k => #{nested => [1, 2]}}, maps:from_list([{I, I} || I <- lists:seq(1, 32)]),
            maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
            maps:from_list([{integer_to_binary(I), I} || I <- lists:seq(1, 100)]),
            maps:from_list([{{I}, [I]} || I <- lists:seq(1, 1000)])],
    [io:format("~w ~w ~w~n", [map_size(M), erlang:phash2(M), erlang:phash2(M, 100)]) || M <- Maps],
    A = maps:from_list([{I, I * 2} || I <- lists:seq(1, 200)]),
    B = maps:from_list([{I, I * 2} || I <- lists:seq(200, 1, -1)]),
    C = lists:foldl(fun(I, M) -> maps:remove(I, M) end, maps:from_list([{I, I * 2} || I <- lists:seq(1, 300)]), lists:seq(201, 300)),
    io:format("~w ~w ~w~n", [erlang:phash2(A) =:= erlang:phash2(B), erlang:phash2(A) =:= erlang:phash2(C), erlang:phash2(A)]),
    io:format("~w~n", [erlang:phash2([#{a => 1}, #{b => 2}])]),
    io:format("~w~n", [erlang:phash2({#{atom_key => 1, other => [x]}, maps:from_list([{list_to_atom("k" ++ integer_to_list(I)), I} || I <- lists:seq(1, 40)])})]),
    ok.
