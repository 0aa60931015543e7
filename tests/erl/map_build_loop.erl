-module(map_build_loop).
-export([main/0]).

%% Growing and shrinking maps across the flat/hashed boundary (32 keys) and checking contents.

main() ->
    Sizes = [0, 1, 31, 32, 33, 64, 65, 500, 5000],
    [begin
         M = grow(0, N, #{}),
         io:format("~w: size=~w sum=~w sorted_ok=~w~n", [N, map_size(M), maps:fold(fun(K, V, A) -> A + K * V end, 0, M),
                                                      lists:sort(maps:keys(M)) =:= lists:seq(0, N - 1)])
     end || N <- Sizes],
    M = grow(0, 100, #{}),
    Shrunk = lists:foldl(fun(K, Acc) -> maps:remove(K, Acc) end, M, lists:seq(0, 99, 3)),
    io:format("~w ~w~n", [map_size(Shrunk), lists:sort(maps:keys(Shrunk)) =:= [K || K <- lists:seq(0, 99), K rem 3 =/= 0]]),
    Back = lists:foldl(fun(K, Acc) -> maps:remove(K, Acc) end, Shrunk, lists:seq(1, 99)),
    io:format("~w ~w~n", [Back, map_size(Back)]),
    U = lists:foldl(fun(K, Acc) -> Acc#{K rem 40 => K} end, #{}, lists:seq(1, 1000)),
    io:format("~w ~w~n", [map_size(U), lists:sum(maps:values(U))]),
    io:format("~w~n", [grow(0, 40, #{}) =:= maps:from_list([{K, K * 2} || K <- lists:seq(39, 0, -1)])]),
    io:format("~w~n", [maps:merge(grow(0, 40, #{}), grow(20, 60, #{})) =:= grow(0, 60, #{})]),
    ok.

grow(N, N, M) -> M;
grow(I, N, M) -> grow(I + 1, N, M#{I => I * 2}).
