-module(int_badarith).
-export([main/0]).

%% Arithmetic on non-numbers: exception class and reason.

main() ->
    Ops = [{'+', fun(A, B) -> A + B end}, {'-', fun(A, B) -> A - B end},
           {'*', fun(A, B) -> A * B end}, {'/', fun(A, B) -> A / B end},
           {'div', fun(A, B) -> A div B end}, {'rem', fun(A, B) -> A rem B end},
           {'band', fun(A, B) -> A band B end}, {'bsl', fun(A, B) -> A bsl B end}],
    Args = [{1, a}, {a, 1}, {1, "1"}, {1, 0}, {1 bsl 70, 0}, {1.0, 0}, {1, 0.0}, {1, []}, {{}, 1},
            {1 bsl 70, <<1>>}, {1, 1.5}],
    [io:format("~w ~w ~w -> ~w~n", [A, Op, B, t(fun() -> F(A, B) end)]) || {Op, F} <- Ops, {A, B} <- Args],
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
