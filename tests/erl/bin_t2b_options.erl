-module(bin_t2b_options).
-export([main/0]).

%% term_to_binary options: minor_version, compressed, deterministic; binary_to_term/2 used.

main() ->
    T = {1.5, 'atom', "string", [1, 2, 3], <<"bin">>},
    io:format("~w~n", [term_to_binary(T, [{minor_version, 0}])]),
    io:format("~w~n", [term_to_binary(T, [{minor_version, 1}])]),
    io:format("~w~n", [term_to_binary(T, [{minor_version, 2}])]),
    io:format("~w~n", [term_to_binary('é', [{minor_version, 1}])]),
    io:format("~w~n", [term_to_binary('é', [{minor_version, 2}])]),
    Big = lists:duplicate(100, <<"abcabcabc">>),
    C = term_to_binary(Big, [compressed]),
    io:format("~w ~w~n", [byte_size(term_to_binary(Big)), binary:part(C, 0, 6)]),
    io:format("~w~n", [binary_to_term(C) =:= Big]),
    C9 = term_to_binary(Big, [{compressed, 9}]),
    io:format("~w~n", [binary_to_term(C9) =:= Big]),
    io:format("~w~n", [term_to_binary(small, [compressed])]),
    io:format("~w~n", [term_to_binary(#{b => 1, a => 2, c => 3}, [deterministic])]),
    {Term, Used} = binary_to_term(<<(term_to_binary({x, y}))/binary, "trailing">>, [used]),
    io:format("~w ~w~n", [Term, Used]),
    io:format("~w~n", [binary_to_term(term_to_binary(hello), [safe])]),
    io:format("~w~n", [erlang:external_size(T)]),
    io:format("~w~n", [erlang:external_size(T, [{minor_version, 0}])]),
    io:format("~w~n", [iolist_to_binary(term_to_iovec(T)) =:= term_to_binary(T)]),
    ok.
