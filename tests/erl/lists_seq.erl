-module(lists_seq).
-export([main/0]).

%% lists:seq/2,3 edge cases and errors.

main() ->
    Cases = [{1, 5}, {5, 5}, {5, 4}, {-3, 3}, {1 bsl 60, (1 bsl 60) + 3}],
    [io:format("seq(~w,~w) = ~p~n", [A, B, t(fun() -> lists:seq(A, B) end)]) || {A, B} <- Cases ++ [{5, 3}, {1.0, 3}, {a, 3}]],
    Cases3 = [{1, 10, 3}, {10, 1, -3}, {1, 1, 0}, {1, 2, 0}, {1, 0, 1}, {0, 1, -1}, {1, 1, 5}, {5, 1, 1}, {1, 5, -1},
              {0, 100, 25}, {-10, 10, 7}, {1 bsl 61, (1 bsl 61) + 10, 4}],
    [io:format("seq(~w,~w,~w) = ~p~n", [A, B, C, t(fun() -> lists:seq(A, B, C) end)]) || {A, B, C} <- Cases3],
    io:format("~w~n", [length(lists:seq(1, 1000000))]),
    io:format("~w~n", [lists:sum(lists:seq(1, 1000000, 7))]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
