-module(ctrl_flow).
-export([main/0]).

%% case, if, nested pattern matching, andalso/orelse short-circuit, begin/end, match in expressions.

main() ->
    [io:format("~p -> ~p~n", [X, kind(X)]) || X <- [0, 5, -3, 2.5, foo, "str", {1, 2}, [1, 2, 3], <<"b">>, #{}]],
    [io:format("fizz ~w: ~s~n", [N, fizz(N)]) || N <- lists:seq(1, 15)],
    io:format("~p~n", [grade(85)]),
    io:format("~p~n", [[grade(S) || S <- [95, 75, 65, 40, 100, 0]]]),
    io:format("~p~n", [false andalso error(never)]),
    io:format("~p~n", [true orelse error(never)]),
    io:format("~p~n", [true andalso id(last_value)]),
    io:format("~p~n", [false orelse id([not_boolean])]),
    X = begin A = 1, B = 2, A + B end,
    io:format("~p~n", [X]),
    {C, D} = E = {3, 4},
    io:format("~p ~p ~p~n", [C, D, E]),
    io:format("~p~n", [[H || [H | _] <- [[1, 2], [], [3]]]]),
    io:format("~p~n", [collatz(27, 0)]),
    io:format("~p~n", [xor_test()]),
    ok.

kind(0) -> zero;
kind(X) when is_integer(X), X > 0 -> positive;
kind(X) when is_integer(X) -> negative;
kind(X) when is_float(X) -> float;
kind(X) when is_atom(X) -> atom;
kind([_ | _] = L) -> case io_lib:printable_list(L) of true -> string; false -> {list, length(L)} end;
kind({A, B}) -> {pair, A, B};
kind(X) ->
    if is_binary(X) -> binary;
       is_map(X), map_size(X) =:= 0 -> empty_map;
       true -> unknown
    end.

fizz(N) ->
    case {N rem 3, N rem 5} of
        {0, 0} -> "FizzBuzz";
        {0, _} -> "Fizz";
        {_, 0} -> "Buzz";
        _ -> integer_to_list(N)
    end.

grade(S) when S >= 90 -> a;
grade(S) when S >= 80 -> b;
grade(S) ->
    if S >= 70 -> c;
       S >= 60 -> d;
       true -> f
    end.

collatz(1, Steps) -> Steps;
collatz(N, Steps) when N rem 2 =:= 0 -> collatz(N div 2, Steps + 1);
collatz(N, Steps) -> collatz(3 * N + 1, Steps + 1).

xor_test() -> [A xor B || A <- [true, false], B <- [true, false]].

id(X) -> X.
