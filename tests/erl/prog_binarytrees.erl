-module(prog_binarytrees).
-export([main/0]).

%% binary-trees: allocate and check many short-lived trees (GC stress).

main() ->
    Max = 14,
    Stretch = make(Max + 1),
    io:format("stretch tree of depth ~w\t check: ~w~n", [Max + 1, check(Stretch)]),
    Long = make(Max),
    [begin
         N = 1 bsl (Max - D + 4),
         C = lists:sum([check(make(D)) || _ <- lists:seq(1, N)]),
         io:format("~w\t trees of depth ~w\t check: ~w~n", [N, D, C])
     end || D <- lists:seq(4, Max, 2)],
    io:format("long lived tree of depth ~w\t check: ~w~n", [Max, check(Long)]),
    ok.

make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.

check({nil, _}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).
