-module(unicode_errors).
-export([main/0]).

%% unicode conversion error and incomplete tuples; badarg for non-chardata.

main() ->
    Cases = [{<<"ab", 255, "cd">>, utf8},
             {<<"ab", 195>>, utf8},
             {<<"ab", 16#E2, 16#82>>, utf8},
             {[<<"ok">>, <<195>>], utf8},
             {[$a, 16#D800, $b], unicode},
             {[$a, -1], unicode},
             {[$a, 16#110000], unicode},
             {<<0, 97, 216, 0>>, {utf16, big}},
             {<<0, 97, 0>>, {utf16, big}},
             {<<0, 0, 0, 97, 0, 0>>, {utf32, big}},
             {<<0, 17, 0, 0>>, {utf32, big}},
             {[<<"x">>, foo], utf8}],
    [io:format("~w ~p~n  -> ~w~n  -> ~w~n", [In, Enc, t(fun() -> unicode:characters_to_binary(In, Enc) end),
                                           t(fun() -> unicode:characters_to_list(In, Enc) end)])
     || {In, Enc} <- Cases],
    io:format("~w~n", [unicode:characters_to_binary([955, $a], unicode, latin1)]),
    io:format("~w~n", [unicode:characters_to_list(<<206, 187, 206>>, utf8)]),
    io:format("~w~n", [t(fun() -> unicode:characters_to_binary(foo) end)]),
    io:format("~w~n", [t(fun() -> unicode:characters_to_list(<<1:3>>) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
