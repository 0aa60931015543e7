-module(lc_basic).
-export([main/0]).

%% List comprehensions: filters, multiple generators, pattern generators, nesting, binaries.

main() ->
    io:format("~p~n", [[X * 2 || X <- lists:seq(1, 10), X rem 2 =:= 0]]),
    io:format("~p~n", [[{X, Y} || X <- [1, 2, 3], Y <- [a, b]]]),
    io:format("~p~n", [[{X, Y} || X <- lists:seq(1, 4), Y <- lists:seq(X, 4), X + Y =:= 5]]),
    io:format("~p~n", [[X || {ok, X} <- [{ok, 1}, error, {ok, 2}, {error, 3}]]]),
    io:format("~p~n", [[[Y || Y <- lists:seq(1, X)] || X <- lists:seq(1, 4)]]),
    io:format("~p~n", [[{A, B, C} || C <- lists:seq(1, 30), B <- lists:seq(1, C), A <- lists:seq(1, B), A * A + B * B =:= C * C]]),
    io:format("~p~n", [qs([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])]),
    io:format("~p~n", [perms([a, b, c])]),
    io:format("~p~n", [[X || X <- "hello world", X =/= $o]]),
    io:format("~p~n", [[X || X <- [1, a, 2.0, "s"], is_number(X)]]),
    io:format("~p~n", [[X || <<X>> <= <<"abc">>, X > $a]]),
    io:format("~p~n", [[ok || _ <- lists:seq(1, 3)]]),
    io:format("~p~n", [[X || X <- [], true]]),
    io:format("~p~n", [[X || X <- [1, 2, 3], false]]),
    Y = 2,
    io:format("~p~n", [[X || {X, Y1} <- [{a, 1}, {b, 2}, {c, 2}], Y1 =:= Y]]),
    io:format("~p~n", [length([{X, Y2, Z} || X <- lists:seq(1, 20), Y2 <- lists:seq(1, 20), Z <- lists:seq(1, 20), X < Y2, Y2 < Z])]),
    io:format("~p~n", [[X || X <- lists:seq(1, 50), is_prime(X)]]),
    ok.

qs([]) -> [];
qs([P | T]) -> qs([X || X <- T, X < P]) ++ [P] ++ qs([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

is_prime(N) when N < 2 -> false;
is_prime(N) -> [] =:= [D || D <- lists:seq(2, trunc(math:sqrt(N))), N rem D =:= 0].
