-module(unicode_conv).
-export([main/0]).

%% unicode:characters_to_list/binary between latin1, utf8, utf16, utf32 (both endians).

main() ->
    Chars = [$a, 233, 955, 16#20AC, 16#1F600],
    Encs = [utf8, {utf16, big}, {utf16, little}, {utf32, big}, {utf32, little}],
    [begin
         B = unicode:characters_to_binary(Chars, unicode, E),
         io:format("~p: ~w~n", [E, B]),
         io:format("  back: ~w~n", [unicode:characters_to_list(B, E)]),
         io:format("  to utf8: ~w~n", [unicode:characters_to_binary(B, E, utf8)])
     end || E <- Encs],
    io:format("~w~n", [unicode:characters_to_binary([233, 255], latin1)]),
    io:format("~w~n", [unicode:characters_to_binary([233, 255], unicode, latin1)]),
    io:format("~w~n", [unicode:characters_to_binary(<<233, 255>>, latin1, utf8)]),
    io:format("~w~n", [unicode:characters_to_list(<<233, 255>>, latin1)]),
    io:format("~w~n", [unicode:characters_to_binary(["ab", <<"cd">>, [955, [<<206, 187>>]]])]),
    io:format("~w~n", [unicode:characters_to_list([<<"ab">>, $c, <<195, 169>>])]),
    io:format("~w~n", [unicode:characters_to_binary(<<>>)]),
    io:format("~w~n", [unicode:characters_to_list([])]),
    io:format("~w~n", [unicode:characters_to_binary(Chars, utf8, utf16)]),
    io:format("~w~n", [unicode:bom_to_encoding(<<239, 187, 191, 1>>)]),
    io:format("~w~n", [unicode:bom_to_encoding(<<254, 255>>)]),
    io:format("~w~n", [unicode:bom_to_encoding(<<255, 254, 0, 0>>)]),
    io:format("~w~n", [unicode:bom_to_encoding(<<1, 2>>)]),
    io:format("~w~n", [unicode:encoding_to_bom({utf32, little})]),
    ok.
