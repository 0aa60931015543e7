-module(regress_guard_toobig).
%% Regressions: a guard BIF that fails into its fail label must not leave
%% its frame for a later function_clause; an integer segment too large for
%% any integer is a badmatch, not a value.
-export([main/0]).
toobig() ->
    A = erlang:term_to_binary(lists:seq(1000000, 2200000)),
    ASize = erlang:bit_size(A),
    <<ANr:ASize>> = A,
    ANr band ANr.
g(X) when abs(X) > 3 -> big; g(X) when is_integer(X) -> small.
main() ->
    {'EXIT', {{badmatch, _}, _}} = (catch toobig()),
    io:format("toobig ok~n"),
    io:format("~p~n", [catch g(a)]).
