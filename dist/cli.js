#!/usr/bin/env node
import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  makeDirs
} from "./chunks/chunk-MIHNHIUD.js";
import {
  CpuProfileImporter,
  DEFAULT_LIMITS,
  ProfileFileReader,
  ProfileInputError,
  asInputError,
  distFile,
  mergeProfileFiles,
  mergeProfiles,
  normalizeScriptPath,
  parseProfileBytes,
  readProfileBytes,
  readProfileFile
} from "./chunks/chunk-Q32NPO7D.js";
import {
  ALLOC_SAMPLES,
  ALLOC_SPACE,
  CIPROF_FRAME,
  CPU_NANOS,
  GC_FRAME,
  IDLE_FRAME,
  PROGRAM_FRAME,
  ProfileBuilder,
  SAMPLES_COUNT,
  countValueIndex,
  functionKey,
  timeValueIndex
} from "./chunks/chunk-VYVC6F5W.js";
import {
  writeFileAtomic
} from "./chunks/chunk-2UXSF32T.js";
import {
  DIFF_REPORT_SCHEMA,
  serializeDiffReport
} from "./chunks/chunk-76NF5X6I.js";
import {
  contextMeta,
  sanitizeJobKey
} from "./chunks/chunk-QJ2RV7E4.js";
import {
  VERSION,
  maskSecret,
  maskUrlCredentials,
  ms,
  plainLine,
  redact,
  redactUrlCredentials,
  renderComment,
  renderJobSummary,
  terminalText
} from "./chunks/chunk-5DUPCRU6.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunks/chunk-ZHB73YNC.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path19 = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName2) {
          const localBin = path19.resolve(baseDir, baseName2);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path19.extname(baseName2))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path19.resolve(
            path19.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path19.basename(
              this._scriptPath,
              path19.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path19.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short2) => /^-\d$/.test(short2))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path19.basename(filename, path19.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path20) {
        if (path20 === void 0) return this._executableDir;
        this._executableDir = path20;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/pipeline/store.ts
import * as path2 from "node:path";

// src/collect/redact.ts
var REDACTED = "***";
var SECRET_NAME = /key|token|secret|passw|pwd|auth|credential|cookie|session|signature|private|dsn/i;
var QUOTED_OR_WORD = String.raw`(?:"[^"]*"|'[^']*'|[^\s"']+)+`;
var ASSIGNMENT = new RegExp(String.raw`(^|[\s;&|(?])(-{0,2}[A-Za-z_][\w.-]*)=(${QUOTED_OR_WORD})`, "g");
var SPACED_OPTION = new RegExp(String.raw`(^|\s)(--?[A-Za-z][\w.-]*)(\s+)(?!-)(${QUOTED_OR_WORD})`, "g");
var AUTH_HEADER = /\b((?:proxy-)?authorization:\s*)(?:(?:bearer|basic|token)\s+)?[^\s"']+/gi;
var KNOWN_TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|A[KS]IA[0-9A-Z]{16})\b/g;
var isSecretName = (name) => SECRET_NAME.test(name.replace(/^-+/, ""));
function redactText(text) {
  return redact(text).replace(AUTH_HEADER, `$1${REDACTED}`).replace(KNOWN_TOKENS, REDACTED).replace(ASSIGNMENT, (all, lead, name) => isSecretName(name) ? `${lead}${name}=${REDACTED}` : all).replace(SPACED_OPTION, (all, lead, name, space) => name.startsWith("-") && isSecretName(name) ? `${lead}${name}${space}${REDACTED}` : all);
}
function redactCommand(command) {
  return command.map((word, i) => {
    const previous = command[i - 1];
    if (i > 0 && previous && /^--?[A-Za-z][\w.-]*$/.test(previous) && isSecretName(previous) && !word.startsWith("-")) return REDACTED;
    return redactText(word);
  });
}

// src/pyroscope/auth.ts
function resolveAuth(flags, env = process.env) {
  const pick = (flag, name) => {
    const v = flag ?? env[name];
    return v && v.trim() !== "" ? v.trim() : void 0;
  };
  const auth = {
    basicAuth: pick(flags.basicAuth, "CIPROF_PYROSCOPE_BASIC_AUTH"),
    token: pick(flags.token, "CIPROF_PYROSCOPE_TOKEN"),
    tenant: pick(flags.tenant, "CIPROF_PYROSCOPE_TENANT")
  };
  for (const secret of [auth.token, auth.basicAuth, auth.basicAuth?.split(":").slice(1).join(":")]) maskSecret(secret, env);
  return auth;
}
function splitServerUrl(raw, auth) {
  maskUrlCredentials(raw);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--server "${redactUrlCredentials(raw)}" is not a URL (expected e.g. http://pyroscope:4040)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`--server must be http(s), got ${url.protocol}`);
  let merged = auth;
  if (url.username || url.password) {
    const userPass = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    merged = { ...auth, basicAuth: auth.basicAuth ?? userPass };
    url.username = "";
    url.password = "";
  }
  url.search = "";
  url.hash = "";
  return { server: url.toString().replace(/\/+$/, ""), auth: merged };
}
function authHeaders(auth) {
  const h = {};
  if (auth.token) h.Authorization = `Bearer ${auth.token}`;
  else if (auth.basicAuth) h.Authorization = `Basic ${Buffer.from(auth.basicAuth).toString("base64")}`;
  if (auth.tenant) h["X-Scope-OrgID"] = auth.tenant;
  return h;
}

// src/pyroscope/http.ts
var DEFAULT_RETRY = { retries: 5, baseDelayMs: 500, maxDelayMs: 8e3, deadlineMs: 6e4, attemptTimeoutMs: 3e4 };
var MAX_ERROR_BODY_BYTES = 64 * 1024;
var PyroscopeError = class extends Error {
  constructor(message, status, transient) {
    super(message);
    this.status = status;
    this.transient = transient;
    this.name = "PyroscopeError";
  }
  status;
  transient;
};
var sleep = (ms5) => new Promise((r) => setTimeout(r, ms5));
function retryAfterMs(value, now = Date.now()) {
  if (!value) return void 0;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1e3;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function backoffMs(attempt, policy, random = Math.random) {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(cap / 2 + random() * cap / 2);
}
function serverMessage(body, contentType) {
  let text = body.toString("utf8");
  if (contentType.includes("json") || text.trimStart().startsWith("{")) {
    try {
      const json = JSON.parse(text);
      text = [json.code, json.message ?? json.error].filter(Boolean).join(": ") || text;
    } catch {
    }
  }
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 300)}\u2026` : line;
}
var OversizedAnswer = class extends Error {
};
async function readCapped(res, max, truncate) {
  const declared = Number(res.headers.get("content-length"));
  if (!truncate && res.headers.get("content-encoding") === null && declared > max) {
    await res.body?.cancel();
    throw new OversizedAnswer(`answer of ${declared} bytes (limit ${max})`);
  }
  const chunks = [];
  let got = 0;
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    if (got + value.length > max) {
      await reader.cancel();
      if (truncate) {
        chunks.push(value.subarray(0, max - got));
        break;
      }
      throw new OversizedAnswer(`answer larger than ${max} bytes (refused)`);
    }
    chunks.push(value);
    got += value.length;
  }
  return Buffer.concat(chunks);
}
var oneLine = (text) => text.replace(/\s*[\r\n]+\s*/g, " ");
function networkReason(err) {
  const e = err;
  if (e.name === "TimeoutError" || e.name === "AbortError") return "timed out";
  return e.cause?.code ?? e.cause?.message ?? e.message;
}
async function pyroscopeRequest(req) {
  const policy = { ...DEFAULT_RETRY, ...req.retry };
  const started = Date.now();
  const url = new URL(`${req.server.replace(/\/+$/, "")}${req.path}`);
  const where = `${url.origin}${url.pathname}`;
  const headers = { "Content-Type": req.contentType, "User-Agent": "ciprof", ...req.extraHeaders, ...authHeaders(req.auth) };
  const secrets = [req.auth.token, req.auth.basicAuth, req.auth.basicAuth?.split(":").slice(1).join(":")];
  let lastProblem = "";
  for (let attempt = 0; ; attempt++) {
    const remaining = policy.deadlineMs - (Date.now() - started);
    let retryAfter;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers,
        body: new Uint8Array(req.body),
        signal: AbortSignal.timeout(Math.max(1, Math.min(policy.attemptTimeoutMs, remaining)))
      });
      const contentType = res.headers.get("content-type") ?? "";
      const body = await readCapped(res, res.ok ? req.maxResponseBytes ?? DEFAULT_LIMITS.maxBytes : MAX_ERROR_BODY_BYTES, !res.ok);
      if (res.ok) return { status: res.status, contentType, body, attempts: attempt + 1 };
      const message = redact(serverMessage(body, contentType), secrets);
      lastProblem = `HTTP ${res.status}${message ? `: ${message}` : ""}`;
      if (res.status !== 429 && res.status < 500) {
        throw new PyroscopeError(`${where} answered ${lastProblem}`, res.status, false);
      }
      retryAfter = retryAfterMs(res.headers.get("retry-after"));
    } catch (err) {
      if (err instanceof PyroscopeError) throw err;
      if (err instanceof OversizedAnswer) throw new PyroscopeError(`${where}: ${err.message}`, void 0, false);
      lastProblem = oneLine(redact(networkReason(err), secrets));
    }
    const elapsed = Date.now() - started;
    const wait = retryAfter ?? backoffMs(attempt, policy);
    if (attempt >= policy.retries || elapsed + wait >= policy.deadlineMs) {
      const tries = `${attempt + 1} attempt${attempt ? "s" : ""} in ${Math.round(elapsed / 100) / 10}s`;
      throw new PyroscopeError(`${where}: ${lastProblem} (gave up after ${tries})`, void 0, true);
    }
    req.onRetry?.(`${where}: ${lastProblem}; retrying in ${wait} ms`);
    await sleep(wait);
  }
}

// src/pyroscope/upload.ts
import { randomUUID } from "node:crypto";

// src/profile/gzip.ts
import { gzipSync } from "node:zlib";

// src/profile/proto-writer.ts
var TWO_32 = 4294967296;
function varintSize(v) {
  if (v < 0) return 10;
  if (v < 128) return 1;
  if (v < 16384) return 2;
  if (v < 2097152) return 3;
  if (v < 268435456) return 4;
  let n = 5;
  for (let x = Math.floor(v / 34359738368); x > 0; x = Math.floor(x / 128)) n++;
  return n;
}
var intFieldSize = (v) => v === 0 ? 0 : 1 + varintSize(v);
var lengthFieldSize = (n) => 1 + varintSize(n) + n;
var ProtoWriter = class {
  buf = new Uint8Array(64 * 1024);
  length = 0;
  room(n) {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }
  /** An unsigned or signed integer as a varint (negative: 10 bytes of two's complement, as int64). */
  varint(v) {
    this.room(10);
    const buf = this.buf;
    let p = this.length;
    if (v >= 0 && v < 128) {
      buf[p] = v;
      this.length = p + 1;
      return;
    }
    let lo;
    let hi;
    if (v >= 0) {
      lo = v >>> 0;
      hi = Math.floor(v / TWO_32) >>> 0;
    } else {
      const a = -v;
      lo = ~(a >>> 0) + 1 >>> 0;
      hi = ~Math.floor(a / TWO_32) + (lo === 0 ? 1 : 0) >>> 0;
    }
    while (hi > 0 || lo > 127) {
      buf[p++] = lo & 127 | 128;
      lo = (lo >>> 7 | hi << 25) >>> 0;
      hi >>>= 7;
    }
    buf[p++] = lo;
    this.length = p;
  }
  /** A varint field, left out when 0 (proto3's default). */
  int(field, v) {
    if (v === 0) return;
    this.varint(field * 8);
    this.varint(v);
  }
  /** The tag and length of a length-delimited field; the caller writes exactly `size` bytes next. */
  open(field, size) {
    this.varint(field * 8 + 2);
    this.varint(size);
  }
  /** A string field from its UTF-8 bytes. */
  bytes(field, data) {
    this.open(field, data.length);
    this.room(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }
  /** The bytes written (a copy). */
  finish() {
    return this.buf.slice(0, this.length);
  }
};

// src/profile/pprof.ts
var Strings = class {
  list = [""];
  index = /* @__PURE__ */ new Map([["", 0]]);
  id(s) {
    let i = this.index.get(s);
    if (i === void 0) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
};
function encodePprof(profile) {
  const strings = new Strings();
  const out = new ProtoWriter();
  const valueType = (field, t3) => {
    const type = strings.id(t3.type);
    const unit = strings.id(t3.unit);
    out.open(field, intFieldSize(type) + intFieldSize(unit));
    out.int(1, type);
    out.int(2, unit);
  };
  for (const t3 of profile.sampleTypes) valueType(1, t3);
  const labelIds = [];
  for (const s of profile.samples) writeSample(out, s, strings, labelIds);
  profile.functions.forEach((f, i) => {
    const line = intFieldSize(i + 1) + intFieldSize(f.line);
    out.open(4, intFieldSize(i + 1) + lengthFieldSize(line));
    out.int(1, i + 1);
    out.open(4, line);
    out.int(1, i + 1);
    out.int(2, f.line);
  });
  profile.functions.forEach((f, i) => {
    const name = strings.id(f.name);
    const file = strings.id(f.file);
    out.open(5, intFieldSize(i + 1) + 2 * intFieldSize(name) + intFieldSize(file) + intFieldSize(f.line));
    out.int(1, i + 1);
    out.int(2, name);
    out.int(3, name);
    out.int(4, file);
    out.int(5, f.line);
  });
  const comments = Object.entries(profile.meta).map(([k, v]) => strings.id(`${k}=${v}`));
  strings.id(profile.periodType.type);
  strings.id(profile.periodType.unit);
  const encoder = new TextEncoder();
  for (const s of strings.list) out.bytes(6, encoder.encode(s));
  out.int(9, Math.round(profile.timeNanos));
  out.int(10, Math.round(profile.durationNanos));
  valueType(11, profile.periodType);
  out.int(12, Math.round(profile.period));
  if (comments.length) {
    out.open(13, comments.reduce((n, c) => n + varintSize(c), 0));
    for (const c of comments) out.varint(c);
  }
  return out.finish();
}
function writeSample(out, s, strings, labelIds) {
  let locations = 0;
  for (const id of s.stack) locations += varintSize(id + 1);
  let values = 0;
  for (const v of s.values) values += varintSize(Math.round(v));
  let size = (locations ? lengthFieldSize(locations) : 0) + (values ? lengthFieldSize(values) : 0);
  labelIds.length = 0;
  for (const key in s.labels) {
    const value = s.labels[key];
    const k = strings.id(key);
    const v = typeof value === "number" ? Math.round(value) : strings.id(value);
    labelIds.push(k, v, typeof value === "number" ? 3 : 2);
    size += lengthFieldSize(intFieldSize(k) + intFieldSize(v));
  }
  out.open(2, size);
  if (locations) {
    out.open(1, locations);
    for (const id of s.stack) out.varint(id + 1);
  }
  if (values) {
    out.open(2, values);
    for (const v of s.values) out.varint(Math.round(v));
  }
  for (let i = 0; i < labelIds.length; i += 3) {
    const k = labelIds[i];
    const v = labelIds[i + 1];
    out.open(3, intFieldSize(k) + intFieldSize(v));
    out.int(1, k);
    out.int(labelIds[i + 2], v);
  }
}

// src/profile/gzip.ts
function encodePprofGzip(profile) {
  return gzipSync(encodePprof(profile), { level: 1 });
}

// src/profile/sample-types.ts
var SPACE_BYTES = { type: "space", unit: "bytes" };
var isAllocationType = (t3) => t3.type === ALLOC_SAMPLES.type && t3.unit === ALLOC_SAMPLES.unit || t3.type === ALLOC_SPACE.type && t3.unit === ALLOC_SPACE.unit;
function hasAllocations(profile) {
  return profile.sampleTypes.some(isAllocationType);
}
function withSampleTypes(profile, keep2, period) {
  const idx = profile.sampleTypes.flatMap((t3, i) => keep2(t3) ? [i] : []);
  const samples = profile.samples.flatMap((s) => {
    const values = idx.map((i) => s.values[i] ?? 0);
    return values.some((v) => v !== 0) ? [{ ...s, values }] : [];
  });
  return { ...profile, ...period, sampleTypes: idx.map((i) => profile.sampleTypes[i]), samples };
}
function splitAllocations(profile) {
  if (!hasAllocations(profile)) return { cpu: profile };
  const interval = Number(profile.meta["alloc.interval_bytes"]) || 0;
  return {
    cpu: withSampleTypes(profile, (t3) => !isAllocationType(t3)),
    alloc: withSampleTypes(profile, isAllocationType, { periodType: SPACE_BYTES, period: interval })
  };
}

// src/pyroscope/labels.ts
var MAX_LABEL_VALUE_CHARS = 256;
var MAX_USER_LABELS = 12;
var DEFAULT_KEPT_SAMPLE_LABELS = ["test_file"];
var NAME_OK = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
function sanitizeLabelName(raw) {
  let name = raw.trim().replace(/[^a-zA-Z0-9_]/g, "_");
  if (name === "") return "";
  if (/^[0-9]/.test(name)) name = `_${name}`;
  return NAME_OK.test(name) ? name : "";
}
function sanitizeLabelValue(raw) {
  const cleaned = raw.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/[,}]/g, "_").trim();
  const chars = Array.from(cleaned);
  return chars.length > MAX_LABEL_VALUE_CHARS ? chars.slice(0, MAX_LABEL_VALUE_CHARS).join("") : cleaned;
}
function sanitizeAppName(raw) {
  const cleaned = raw.trim().replace(/[^a-zA-Z0-9_./-]+/g, "_").slice(0, MAX_LABEL_VALUE_CHARS);
  return cleaned.replace(/^_+|_+$/g, "") || "ciprof";
}
function defaultAppName(repository, repoRoot) {
  const fromRepo = repository?.split("/").filter(Boolean).pop()?.replace(/\.git$/, "");
  const fromDir = repoRoot?.split(/[\\/]/).filter(Boolean).pop();
  return sanitizeAppName(fromRepo || fromDir || "ciprof");
}
var CPU_TIME_TYPE = "process_cpu:cpu:nanoseconds:cpu:nanoseconds";
var CPU_SAMPLES_TYPE = "process_cpu:samples:count:cpu:nanoseconds";
var META_LABELS = [
  ["commit", "commit"],
  ["branch", "branch"],
  ["pr", "pr"],
  ["ci.provider", "ci_provider"],
  ["ci.workflow", "workflow"],
  ["ci.job", "job"],
  ["ci.matrix", "matrix"],
  ["job_key", "job_key"]
];
function parseUserLabels(specs, warn2) {
  const out = {};
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    const name = eq > 0 ? sanitizeLabelName(spec.slice(0, eq)) : "";
    if (!name || name.startsWith("__") || name === "service_name") {
      warn2(`--label "${spec}" ignored: expected name=value with a name other than service_name or __*`);
      continue;
    }
    if (Object.keys(out).length >= MAX_USER_LABELS && !(name in out)) {
      warn2(`--label "${spec}" ignored: at most ${MAX_USER_LABELS} user labels (Pyroscope limits labels per series)`);
      continue;
    }
    out[name] = spec.slice(eq + 1);
  }
  return out;
}
function profileTypeName(profile) {
  if (profile.sampleTypes.some((t3) => t3.type === "wall")) return "wall";
  if (profile.sampleTypes.some((t3) => t3.type.includes("cpu"))) return "process_cpu";
  if (profile.sampleTypes.some((t3) => t3.type.startsWith("alloc_"))) return "memory";
  return profile.sampleTypes[profile.sampleTypes.length - 1]?.type ?? "process_cpu";
}
function seriesLabels(app, meta, user = {}) {
  const labels = /* @__PURE__ */ new Map([["service_name", sanitizeAppName(app)]]);
  for (const [key, name] of META_LABELS) {
    const v = meta[key];
    if (v !== void 0 && v !== "") labels.set(name, sanitizeLabelValue(v));
  }
  for (const [rawName, v] of Object.entries(user)) {
    const name = sanitizeLabelName(rawName);
    if (name && !labels.has(name) && !name.startsWith("__")) labels.set(name, sanitizeLabelValue(v));
  }
  return [...labels].filter(([, v]) => v !== "").map(([name, value]) => ({ name, value }));
}
function stripSampleLabels(profile, keep2 = DEFAULT_KEPT_SAMPLE_LABELS) {
  const allowed = new Set(keep2);
  const builder = new ProfileBuilder(profile.sampleTypes, profile.periodType, profile.period);
  builder.timeNanos = profile.timeNanos;
  builder.durationNanos = profile.durationNanos;
  builder.meta = { ...profile.meta };
  for (const f of profile.functions) builder.functionId(f.name, f.file, f.line);
  for (const s of profile.samples) {
    const labels = {};
    for (const [k, v] of Object.entries(s.labels)) {
      const name = sanitizeLabelName(k);
      if (allowed.has(k) && name) labels[name] = typeof v === "string" ? sanitizeLabelValue(v) : v;
    }
    builder.addSample(s.stack, s.values, labels);
  }
  return builder.build();
}
function labelSelector(labels) {
  const esc = (v) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
  return `{${labels.map((l) => `${l.name}="${esc(l.value)}"`).join(",")}}`;
}

// src/pyroscope/wire.ts
var WIRE_VARINT = 0;
var WIRE_LEN = 2;
var ProtoWriter2 = class _ProtoWriter {
  chunks = [];
  length = 0;
  push(bytes) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  varint(value) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`protobuf: cannot encode ${value} as a varint`);
    const out = [];
    let v = value;
    while (v >= 128) {
      out.push(v % 128 | 128);
      v = Math.floor(v / 128);
    }
    out.push(v);
    this.push(Uint8Array.from(out));
  }
  tag(field, wire) {
    this.varint(field * 8 + wire);
  }
  /** int64/uint64 field (non-negative values only: timestamps in ms are all we send). */
  int64(field, value) {
    if (value !== 0) {
      this.tag(field, WIRE_VARINT);
      this.varint(value);
    }
    return this;
  }
  string(field, value) {
    if (value !== "") this.bytes(field, Buffer.from(value, "utf8"));
    return this;
  }
  bytes(field, value) {
    if (value.length === 0) return this;
    this.tag(field, WIRE_LEN);
    this.varint(value.length);
    this.push(value);
    return this;
  }
  /** Embedded message: always written, even when empty (it is a repeated element). */
  message(field, build) {
    const inner = new _ProtoWriter();
    build(inner);
    const bytes = inner.finish();
    this.tag(field, WIRE_LEN);
    this.varint(bytes.length);
    this.push(bytes);
    return this;
  }
  finish() {
    return Buffer.concat(this.chunks, this.length);
  }
};

// src/pyroscope/messages.ts
function encodePushRequest(series) {
  const w = new ProtoWriter2();
  for (const s of series) {
    w.message(1, (sw) => {
      for (const l of s.labels) sw.message(1, (lw) => lw.string(1, l.name).string(2, l.value));
      for (const sample of s.samples) sw.message(2, (rw) => rw.bytes(1, sample.rawProfile).string(2, sample.id ?? ""));
    });
  }
  return w.finish();
}
function encodeSelectMergeProfileRequest(req) {
  return new ProtoWriter2().string(1, req.profileTypeId).string(2, req.labelSelector).int64(3, req.start).int64(4, req.end).finish();
}

// src/pyroscope/upload.ts
var SPY_NAME = "nodespy";
function uploadLabels(profile, app, userLabels = {}) {
  const base = seriesLabels(app, profile.meta, userLabels);
  return [
    { name: "__name__", value: profileTypeName(profile) },
    { name: "__delta__", value: "false" },
    { name: "pyroscope_spy", value: SPY_NAME },
    ...base
  ];
}
function ingestName(labels) {
  const app = labels.find((l) => l.name === "service_name")?.value ?? "ciprof";
  const rest = labels.filter((l) => !l.name.startsWith("__") && l.name !== "service_name" && l.name !== "pyroscope_spy");
  return `${app}{${rest.map((l) => `${l.name}=${l.value}`).join(",")}}`;
}
async function uploadProfile(profile, opts) {
  const { cpu, alloc } = splitAllocations(profile);
  const result = await sendOne(cpu, opts);
  if (!alloc) return result;
  const memory = await sendOne(alloc, opts);
  return { ...result, bytes: result.bytes + memory.bytes, attempts: result.attempts + memory.attempts, allocLabels: memory.labels };
}
async function sendOne(profile, opts) {
  const slim = stripSampleLabels(profile, opts.keepSampleLabels ?? DEFAULT_KEPT_SAMPLE_LABELS);
  const gz = encodePprofGzip(slim);
  const labels = uploadLabels(profile, opts.app, opts.userLabels);
  const common = { server: opts.server, auth: opts.auth, retry: opts.retry, onRetry: opts.onRetry };
  let attempts;
  if (opts.protocol === "push") {
    const body = encodePushRequest([{ labels, samples: [{ rawProfile: gz, id: randomUUID() }] }]);
    const res = await pyroscopeRequest({
      ...common,
      path: "/push.v1.PusherService/Push",
      body,
      contentType: "application/proto",
      extraHeaders: { "Connect-Protocol-Version": "1" }
    });
    attempts = res.attempts;
  } else {
    const fromS = Math.floor((profile.timeNanos || Date.now() * 1e6) / 1e9);
    const untilS = Math.max(fromS + 1, Math.ceil(((profile.timeNanos || Date.now() * 1e6) + profile.durationNanos) / 1e9));
    const q2 = new URLSearchParams({ name: ingestName(labels), from: String(fromS), until: String(untilS), format: "pprof", spyName: SPY_NAME });
    const res = await pyroscopeRequest({ ...common, path: `/ingest?${q2}`, body: gz, contentType: "application/octet-stream" });
    attempts = res.attempts;
  }
  return { protocol: opts.protocol, labels, bytes: gz.length, attempts };
}

// src/store/local.ts
import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import * as path from "node:path";
var COMMIT_RE = /^[0-9a-f]{4,64}$/i;
var LocalStore = class {
  constructor(root) {
    this.root = root;
  }
  root;
  name = "local";
  capabilities = { separateRuns: true, runsByCommit: true };
  async put(entry, pprofGzip) {
    const jobKey = sanitizeJobKey(entry.jobKey);
    const commit = this.checkCommit(entry.commit);
    const dir = path.join(this.root, jobKey, commit);
    makeDirs(dir);
    const createdAt = (/* @__PURE__ */ new Date()).toISOString();
    const name = `${createdAt.replace(/[:.]/g, "-")}-${process.pid}.pb.gz`;
    const file = path.join(dir, name);
    writeFileAtomic(file, pprofGzip);
    const stored = { id: file, jobKey, commit, createdAt, ...entry.branch ? { branch: entry.branch } : {} };
    const index = path.join(this.root, jobKey, "index.jsonl");
    const line = `${JSON.stringify({ ...stored, id: path.relative(this.root, file) })}
`;
    appendFileSync(index, endsTorn(index) ? `
${line}` : line);
    return stored;
  }
  async find(jobKey, commit) {
    const key = sanitizeJobKey(jobKey);
    const dir = path.join(this.root, key, this.checkCommit(commit));
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((f) => f.endsWith(".pb.gz")).map((f) => {
      const file = path.join(dir, f);
      return { id: file, jobKey: key, commit, createdAt: statSync(file).mtime.toISOString() };
    }).sort((a, b) => b.id.localeCompare(a.id));
  }
  async get(entry) {
    return readFileSync(entry.id);
  }
  /** Every commit with a profile for this job key, from the index (oldest first). */
  commits(jobKey) {
    const index = path.join(this.root, sanitizeJobKey(jobKey), "index.jsonl");
    if (!existsSync(index)) return [];
    const seen = /* @__PURE__ */ new Set();
    for (const line of readFileSync(index, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        seen.add(JSON.parse(line).commit);
      } catch {
      }
    }
    return [...seen];
  }
  checkCommit(commit) {
    if (!COMMIT_RE.test(commit)) throw new Error(`local store: "${commit}" is not a commit id`);
    return commit.toLowerCase();
  }
};
function endsTorn(file) {
  let fd;
  try {
    fd = openSync(file, "r");
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 10;
  } catch {
    return false;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/store/pyroscope.ts
import { gzipSync as gzipSync2 } from "node:zlib";
var PyroscopeStore = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  name = "pyroscope";
  // A query returns every run in the time window merged into one profile.
  capabilities = { separateRuns: false, runsByCommit: false };
  fetched = /* @__PURE__ */ new Map();
  /** The selector a stored profile is found by: app, job key, commit. */
  selector(jobKey, commit) {
    return labelSelector([
      { name: "service_name", value: sanitizeAppName(this.opts.app) },
      { name: "job_key", value: sanitizeLabelValue(jobKey) },
      { name: "commit", value: sanitizeLabelValue(commit) }
    ]);
  }
  async put(entry, pprofGzip) {
    const parsed = parseProfileBytes("profile", pprofGzip);
    if (parsed.kind !== "pprof") throw new Error("pyroscope store: expected a pprof profile");
    const profile = parsed.profile;
    profile.meta = { ...profile.meta, commit: entry.commit, job_key: entry.jobKey, ...entry.branch ? { branch: entry.branch } : {} };
    await uploadProfile(profile, { ...this.common(), app: this.opts.app, protocol: this.opts.protocol ?? "push" });
    return { id: this.selector(entry.jobKey, entry.commit), jobKey: entry.jobKey, commit: entry.commit, createdAt: new Date(this.now()).toISOString(), ...entry.branch ? { branch: entry.branch } : {} };
  }
  /** One entry (all runs of the commit, merged by Pyroscope) or none. */
  async find(jobKey, commit) {
    const id = this.selector(jobKey, commit);
    const profile = await this.fetchMerged(id, commit, jobKey);
    if (profile.samples.length === 0) return [];
    this.fetched.set(id, gzipSync2(encodePprof(profile)));
    const createdAt = new Date(profile.timeNanos ? profile.timeNanos / 1e6 : this.now()).toISOString();
    return [{ id, jobKey, commit, createdAt }];
  }
  async get(entry) {
    const cached = this.fetched.get(entry.id);
    if (cached) return cached;
    const profile = await this.fetchMerged(entry.id, entry.commit, entry.jobKey);
    if (profile.samples.length === 0) throw new Error(`pyroscope: no profile for ${entry.id} in the last ${Math.round(this.opts.windowMs / 864e5)} days`);
    return gzipSync2(encodePprof(profile));
  }
  now() {
    return (this.opts.now ?? Date.now)();
  }
  common() {
    return { server: this.opts.server, auth: this.opts.auth, retry: this.opts.retry, onRetry: this.opts.onRetry };
  }
  async selectMerge(profileTypeId, selector) {
    const end = this.now();
    const res = await pyroscopeRequest({
      ...this.common(),
      path: "/querier.v1.QuerierService/SelectMergeProfile",
      body: encodeSelectMergeProfileRequest({ profileTypeId, labelSelector: selector, start: end - this.opts.windowMs, end }),
      contentType: "application/proto",
      extraHeaders: { "Connect-Protocol-Version": "1" }
    });
    if (res.body.length === 0) return new ProfileBuilder([{ type: "cpu", unit: "nanoseconds" }], CPU_NANOS, 0).build();
    const source = `pyroscope SelectMergeProfile answer (${profileTypeId} ${selector})`;
    const parsed = parseProfileBytes(source, res.body);
    if (parsed.kind !== "pprof") throw new ProfileInputError(source, "JSON, not a pprof profile");
    return parsed.profile;
  }
  /** Both value types for a selector, joined into one profile in our two-type shape. */
  async fetchMerged(selector, commit, jobKey) {
    const time = await this.selectMerge(CPU_TIME_TYPE, selector);
    const counts = time.samples.length ? await this.selectMerge(CPU_SAMPLES_TYPE, selector) : time;
    const out = new ProfileBuilder([SAMPLES_COUNT, CPU_NANOS], CPU_NANOS, time.period);
    const add = (part, slot) => {
      for (const s of part.samples) {
        const stack = s.stack.map((i) => {
          const f = part.functions[i];
          return out.functionId(f.name, f.file, f.line);
        });
        const v = s.values[0] ?? 0;
        out.addSample(stack, slot === 0 ? [v, 0] : [0, v], s.labels);
      }
    };
    if (time.samples.length) {
      add(time, 1);
      if (counts !== time && counts.samples.length) add(counts, 0);
    }
    out.timeNanos = time.timeNanos;
    out.durationNanos = time.durationNanos;
    out.meta = { commit, job_key: jobKey, source: "pyroscope", "pyroscope.selector": selector };
    const profile = out.build();
    const totalNs = profile.samples.reduce((a, s) => a + s.values[1], 0);
    const totalCount = profile.samples.reduce((a, s) => a + s.values[0], 0);
    if (!profile.period) profile.period = totalCount > 0 ? Math.round(totalNs / totalCount) : 1e6;
    if (totalCount === 0) for (const s of profile.samples) s.values[0] = Math.round(s.values[1] / profile.period);
    return profile;
  }
};
function createPyroscopeStore(opts) {
  return new PyroscopeStore(opts);
}

// src/pipeline/store.ts
function isBaselineRun(c) {
  return c.exitCode === 0;
}
function testsFailedLine(exitCode) {
  return `tests failed (exit ${exitCode}): no comparison`;
}
async function storeRun(s, c, opts, log) {
  const out = {};
  if (!c.pprofGzip || !s.ci.commit) return out;
  if (!isBaselineRun(c)) {
    log.info(`${testsFailedLine(c.exitCode)}; the profile is kept in ${path2.relative(process.cwd(), s.outDir) || "."} but not stored as a baseline`);
    return out;
  }
  const entry = { jobKey: s.ci.jobKey, commit: s.ci.commit, branch: s.ci.branch };
  if (opts.local && c.threads.length > 0) {
    try {
      const stored = await new LocalStore(s.storeDir).put(entry, c.pprofGzip);
      out.storedAs = path2.relative(process.cwd(), stored.id) || stored.id;
    } catch (err) {
      log.warn(`local store: ${err.message}`);
    }
  }
  if (opts.artifact && s.ci.repository) {
    try {
      const store = await githubStore(s, s.ci.repository);
      const { artifactName } = await import("./chunks/github-artifacts-5LMAJA7L.js");
      await freeArtifactName(artifactName(entry.jobKey, entry.commit), s.env, log);
      const stored = await store.put(entry, c.pprofGzip);
      log.info(`profile uploaded as artifact ${stored.id} for ${s.ci.jobKey} @ ${s.ci.commit.slice(0, 12)}`);
    } catch (err) {
      log.warn(`could not upload the profile artifact: ${err.message}`);
    }
  }
  return out;
}
async function freeArtifactName(name, env, log) {
  if (!env.ACTIONS_RUNTIME_TOKEN) return;
  const { DefaultArtifactClient } = await import("./chunks/artifact-VQ72TC3M.js");
  try {
    await new DefaultArtifactClient().deleteArtifact(name);
    log.info(`replaced the artifact ${name} of an earlier attempt of this run`);
  } catch {
  }
}
async function openStore(s, kind = s.store) {
  if (kind === "local") return new LocalStore(s.storeDir);
  if (kind === "pyroscope") {
    if (!s.pyroscopeQuery) throw new Error("the pyroscope store needs --server (or CIPROF_PYROSCOPE_URL)");
    return createPyroscopeStore(s.pyroscopeQuery);
  }
  if (!s.githubToken) throw new Error("the github store needs a token (GITHUB_TOKEN or the github-token input)");
  if (!s.ci.repository) throw new Error("the github store needs the repository (GITHUB_REPOSITORY)");
  return githubStore(s, s.ci.repository);
}
async function githubStore(s, repository) {
  const { GithubArtifactStore } = await import("./chunks/github-artifacts-5LMAJA7L.js");
  return new GithubArtifactStore({ token: s.githubToken ?? "", repository, baseBranch: s.ci.baseBranch });
}
async function uploadToPyroscope(profile, settings, where) {
  if (profile.meta.command) profile.meta = { ...profile.meta, command: redactText(profile.meta.command) };
  try {
    const result = await uploadProfile(profile, { ...settings, onRetry: () => void 0 });
    return { ok: true, result, line: describeUpload(result, settings) };
  } catch (err) {
    const transient = err instanceof PyroscopeError ? err.transient : true;
    const msg = err.message;
    return { ok: false, transient, message: transient ? `Pyroscope upload failed, profile kept in ${where}: ${msg}` : `Pyroscope rejected the upload: ${msg}` };
  }
}
async function uploadRun(s, c, where, log) {
  if (!s.pyroscope || !c.profile) return;
  if (!isBaselineRun(c)) return void log.info(`${testsFailedLine(c.exitCode)}; not uploaded to Pyroscope`);
  const outcome = await uploadToPyroscope(c.profile, s.pyroscope, where);
  if (outcome.ok) log.info(outcome.line);
  else if (outcome.transient) log.warn(outcome.message);
  else log.info(`error: ${outcome.message}`);
}
function withRunMeta(profile, s) {
  profile.meta = { ...contextMeta(s.ci), ...profile.meta };
  return profile;
}
function describeUpload(r, settings) {
  const commit = r.labels.find((l) => l.name === "commit")?.value;
  return `uploaded to ${settings.server} (${r.protocol}, app ${settings.app}${commit ? `, commit ${commit.slice(0, 12)}` : ""}, ${r.bytes} bytes)`;
}

// src/pipeline/publish.ts
var EXIT_REGRESSION = 3;
function exitCodeFor(testExitCode, report, failOnRegression, gate = "cpu") {
  if (testExitCode !== 0) return testExitCode;
  const verdict = gate === "alloc" ? report?.alloc?.verdict : report?.diff?.verdict;
  return failOnRegression && verdict === "regression" ? EXIT_REGRESSION : 0;
}
async function publish(s, rendered, opts, log) {
  const report = rendered.report;
  const { publishReport } = await import("./chunks/publish-DWT33KL7.js");
  const outcomes = await publishReport({
    report,
    markdown: { comment: rendered.comment, summary: () => rendered.summary ?? renderJobSummary(report) },
    // The job key comes from the report: it names the comment to update.
    ci: { ...s.ci, jobKey: report.jobKey },
    env: s.env,
    githubToken: s.githubToken,
    ...opts
  });
  logOutcomes(outcomes, log);
  return outcomes;
}
async function publishSavedReport(s, file, opts, log) {
  const { publishUntrustedReport, resolveReportTarget } = await import("./chunks/untrusted-report-HDD7VDY5.js");
  const linkOrigins = s.pyroscope ? [s.pyroscope.server] : void 0;
  const target = await resolveReportTarget({ env: s.env, ci: s.ci, pr: opts.pr, headSha: opts.headSha, githubToken: s.githubToken, linkOrigins });
  const published = await publishUntrustedReport({ file, target, ci: s.ci, env: s.env, githubToken: s.githubToken, comment: opts.comment, summary: opts.summary });
  logOutcomes(published.outcomes, log);
  return published;
}
function logOutcomes(outcomes, log) {
  for (const o of outcomes) {
    if (o.status === "failed") log.warn(o.message);
    else if (o.status === "skipped" && o.target === "github-comment") log.notice(o.message);
    else log.info(o.message);
  }
}

// src/pipeline/settings.ts
import * as path3 from "node:path";

// src/ci/detect.ts
import { readFileSync as readFileSync2 } from "node:fs";

// src/ci/git.ts
import { execFileSync } from "node:child_process";
function git(cwd, args) {
  try {
    const out = execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 1e4 }).trim();
    return out || void 0;
  } catch {
    return void 0;
  }
}
function localGitFacts(cwd) {
  const root = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!root) return {};
  const commit = git(cwd, ["rev-parse", "HEAD"]);
  const branch = git(cwd, ["symbolic-ref", "--short", "-q", "HEAD"]);
  const upstream = git(cwd, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"]);
  const mergeBase = upstream ? git(cwd, ["merge-base", "HEAD", "@{upstream}"]) : void 0;
  return { root, commit, branch, upstream, mergeBase };
}

// src/ci/web-url.ts
var nonEmpty = (v) => v && v.trim() !== "" ? v.trim() : void 0;
function parseCloneUrl(url) {
  const text = nonEmpty(url);
  if (!text) return void 0;
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(text);
  let host;
  let path19;
  if (scp) {
    host = scp[1];
    path19 = scp[2];
  } else {
    let parsed;
    try {
      parsed = new URL(text);
    } catch {
      return void 0;
    }
    if (!["https:", "http:", "ssh:", "git+ssh:"].includes(parsed.protocol)) return void 0;
    host = parsed.protocol.startsWith("http") ? parsed.host : parsed.hostname;
    path19 = decodeURIComponent(parsed.pathname);
  }
  const repository = path19.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "");
  if (!/^[^/]+\/[^/].*$/.test(repository) || repository.includes("..")) return void 0;
  const scheme = !scp && text.startsWith("http:") ? "http" : "https";
  return { serverUrl: `${scheme}://${host}`, repository };
}
function githubPullRequest(url) {
  const m = /^(https?:\/\/[^/]+)\/([^/]+\/[^/]+)\/pull\/\d+\/?$/.exec(nonEmpty(url) ?? "");
  return m ? { serverUrl: m[1], repository: m[2] } : void 0;
}
function circleciRepositoryWeb(env) {
  const fromPr = githubPullRequest(env.CIRCLE_PULL_REQUEST);
  const clone = parseCloneUrl(env.CIRCLE_REPOSITORY_URL);
  const user = nonEmpty(env.CIRCLE_PROJECT_USERNAME);
  const name = nonEmpty(env.CIRCLE_PROJECT_REPONAME);
  const repository = user && name ? `${user}/${name}` : clone?.repository ?? fromPr?.repository;
  if (!repository) return void 0;
  if (fromPr) return { serverUrl: fromPr.serverUrl, repository };
  const githubBuild = /^https?:\/\/[^/]+\/(gh|pipelines\/(gh|github))\//.test(nonEmpty(env.CIRCLE_BUILD_URL) ?? "");
  if (clone && (clone.serverUrl === "https://github.com" || githubBuild)) return { serverUrl: clone.serverUrl, repository };
  return void 0;
}
function gitlabRepositoryWeb(env) {
  const repository = nonEmpty(env.CI_PROJECT_PATH);
  if (!repository) return void 0;
  const projectUrl = nonEmpty(env.CI_PROJECT_URL)?.replace(/\/+$/, "");
  if (projectUrl?.endsWith(`/${repository}`)) return { serverUrl: projectUrl.slice(0, -repository.length - 1), repository };
  const server = nonEmpty(env.CI_SERVER_URL)?.replace(/\/+$/, "");
  return server ? { serverUrl: server, repository } : void 0;
}

// src/ci/detect.ts
var nonEmpty2 = (v) => v && v.trim() !== "" ? v : void 0;
var int = (v) => {
  const n = v ? Number.parseInt(v, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : void 0;
};
function github(env, opts) {
  let event = {};
  const eventPath = nonEmpty2(env.GITHUB_EVENT_PATH);
  if (eventPath) {
    try {
      event = (opts.readEvent ?? ((p) => JSON.parse(readFileSync2(p, "utf8"))))(eventPath);
    } catch {
      event = {};
    }
  }
  const pr = event.pull_request;
  const prFromRef = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "")?.[1];
  const server = nonEmpty2(env.GITHUB_SERVER_URL) ?? "https://github.com";
  const repo = nonEmpty2(env.GITHUB_REPOSITORY);
  const runId = nonEmpty2(env.GITHUB_RUN_ID);
  return {
    provider: "github",
    // On pull_request events GITHUB_SHA is a synthetic merge commit nobody else knows;
    // the PR head is the commit people talk about and later runs can find.
    commit: pr?.head?.sha ?? nonEmpty2(env.GITHUB_SHA),
    branch: nonEmpty2(env.GITHUB_HEAD_REF) ?? nonEmpty2(env.GITHUB_REF_NAME),
    baseBranch: nonEmpty2(env.GITHUB_BASE_REF) ?? pr?.base?.ref,
    baseCommit: pr?.base?.sha,
    pr: pr?.number ?? event.number ?? int(prFromRef),
    repository: repo,
    serverUrl: server,
    workflow: nonEmpty2(env.GITHUB_WORKFLOW),
    job: nonEmpty2(env.GITHUB_JOB),
    matrix: nonEmpty2(env.CIPROF_MATRIX),
    runId,
    runUrl: repo && runId ? `${server}/${repo}/actions/runs/${runId}` : void 0,
    runnerOs: nonEmpty2(env.RUNNER_OS),
    runnerName: nonEmpty2(env.RUNNER_NAME),
    jobKeyParts: [env.GITHUB_WORKFLOW ?? "", env.GITHUB_JOB ?? "", env.CIPROF_MATRIX ?? ""]
  };
}
function gitlab(env) {
  const web = gitlabRepositoryWeb(env);
  return {
    provider: "gitlab",
    commit: nonEmpty2(env.CI_COMMIT_SHA),
    branch: nonEmpty2(env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME) ?? nonEmpty2(env.CI_COMMIT_BRANCH) ?? nonEmpty2(env.CI_COMMIT_REF_NAME),
    baseBranch: nonEmpty2(env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME) ?? nonEmpty2(env.CI_DEFAULT_BRANCH),
    baseCommit: nonEmpty2(env.CI_MERGE_REQUEST_DIFF_BASE_SHA),
    pr: int(env.CI_MERGE_REQUEST_IID),
    repository: nonEmpty2(env.CI_PROJECT_PATH),
    serverUrl: web?.serverUrl ?? nonEmpty2(env.CI_SERVER_URL),
    workflow: nonEmpty2(env.CI_PIPELINE_NAME) ?? nonEmpty2(env.CI_PIPELINE_SOURCE),
    // parallel:matrix jobs carry their matrix values in the job name ("test: [20, linux]").
    job: nonEmpty2(env.CI_JOB_NAME),
    matrix: nonEmpty2(env.CIPROF_MATRIX),
    runId: nonEmpty2(env.CI_PIPELINE_ID),
    runUrl: nonEmpty2(env.CI_JOB_URL) ?? nonEmpty2(env.CI_PIPELINE_URL),
    runnerOs: nonEmpty2(env.CI_RUNNER_EXECUTABLE_ARCH),
    runnerName: nonEmpty2(env.CI_RUNNER_DESCRIPTION),
    jobKeyParts: [env.CI_JOB_NAME ?? "", env.CIPROF_MATRIX ?? ""]
  };
}
function circleci(env) {
  const prUrl = nonEmpty2(env.CIRCLE_PULL_REQUEST);
  const web = circleciRepositoryWeb(env);
  const user = nonEmpty2(env.CIRCLE_PROJECT_USERNAME);
  const name = nonEmpty2(env.CIRCLE_PROJECT_REPONAME);
  return {
    provider: "circleci",
    commit: nonEmpty2(env.CIRCLE_SHA1),
    branch: nonEmpty2(env.CIRCLE_BRANCH),
    baseBranch: nonEmpty2(env.CIPROF_BASE_BRANCH),
    pr: int(/\/pull\/(\d+)/.exec(prUrl ?? "")?.[1]) ?? int(env.CIRCLE_PR_NUMBER),
    repository: user && name ? `${user}/${name}` : web?.repository,
    serverUrl: web?.serverUrl,
    workflow: nonEmpty2(env.CIRCLE_WORKFLOW_ID),
    job: nonEmpty2(env.CIRCLE_JOB),
    matrix: nonEmpty2(env.CIPROF_MATRIX) ?? (int(env.CIRCLE_NODE_TOTAL) && env.CIRCLE_NODE_TOTAL !== "1" ? `node${env.CIRCLE_NODE_INDEX}` : void 0),
    runId: nonEmpty2(env.CIRCLE_BUILD_NUM),
    runUrl: nonEmpty2(env.CIRCLE_BUILD_URL),
    runnerName: nonEmpty2(env.CIRCLE_NODE_INDEX) ? `node ${env.CIRCLE_NODE_INDEX}` : void 0,
    // The workflow id changes per run; the job name (and parallel index) does not.
    jobKeyParts: [env.CIRCLE_JOB ?? "", env.CIPROF_MATRIX ?? "", int(env.CIRCLE_NODE_TOTAL) && env.CIRCLE_NODE_TOTAL !== "1" ? `node${env.CIRCLE_NODE_INDEX}` : ""]
  };
}
function buildkite(env) {
  const prRaw = env.BUILDKITE_PULL_REQUEST;
  return {
    provider: "buildkite",
    commit: nonEmpty2(env.BUILDKITE_COMMIT),
    branch: nonEmpty2(env.BUILDKITE_BRANCH),
    baseBranch: nonEmpty2(env.BUILDKITE_PULL_REQUEST_BASE_BRANCH) ?? nonEmpty2(env.BUILDKITE_PIPELINE_DEFAULT_BRANCH),
    pr: prRaw && prRaw !== "false" ? int(prRaw) : void 0,
    repository: nonEmpty2(env.BUILDKITE_REPO),
    workflow: nonEmpty2(env.BUILDKITE_PIPELINE_SLUG),
    job: nonEmpty2(env.BUILDKITE_STEP_KEY) ?? nonEmpty2(env.BUILDKITE_LABEL),
    matrix: nonEmpty2(env.CIPROF_MATRIX),
    runId: nonEmpty2(env.BUILDKITE_BUILD_NUMBER),
    runUrl: nonEmpty2(env.BUILDKITE_BUILD_URL),
    runnerName: nonEmpty2(env.BUILDKITE_AGENT_NAME),
    jobKeyParts: [env.BUILDKITE_PIPELINE_SLUG ?? "", env.BUILDKITE_STEP_KEY ?? env.BUILDKITE_LABEL ?? "", env.CIPROF_MATRIX ?? ""]
  };
}
function detectCi(env = process.env, opts = {}) {
  let found;
  if (env.GITHUB_ACTIONS === "true") found = github(env, opts);
  else if (env.GITLAB_CI === "true") found = gitlab(env);
  else if (env.CIRCLECI === "true") found = circleci(env);
  else if (env.BUILDKITE === "true") found = buildkite(env);
  else found = { provider: "local", jobKeyParts: ["local"] };
  const facts = opts.git ?? localGitFacts(opts.cwd ?? process.cwd());
  found.commit ??= facts.commit;
  found.branch ??= facts.branch;
  if (found.provider === "local") {
    found.baseBranch ??= facts.upstream;
    found.baseCommit ??= facts.mergeBase;
  }
  if (!found.runnerOs && found.provider === "local") found.runnerOs = process.platform;
  const { jobKeyParts, ...ctx } = found;
  const explicit = nonEmpty2(env.CIPROF_JOB_KEY);
  const jobKey = sanitizeJobKey(explicit ?? jobKeyParts.filter(Boolean).join("/"));
  return { ...ctx, jobKey };
}

// src/baseline/resolve.ts
var DEFAULT_MAX_WALK = 50;
var FULL_COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
var short = (c) => c.slice(0, 12);
function wantedCommit(req) {
  const head = req.head ?? "HEAD";
  const resolved = req.history.resolve(req.base);
  const looksLikeCommit = /^[0-9a-f]{7,64}$/i.test(req.base);
  if (resolved && looksLikeCommit && resolved.toLowerCase().startsWith(req.base.toLowerCase())) {
    return { commit: resolved, how: `commit ${short(resolved)} given as the base` };
  }
  if (resolved) {
    const mb = req.history.mergeBase(resolved, head);
    if (mb) return { commit: mb, how: `merge-base of ${req.base} and ${head === "HEAD" ? "HEAD" : short(head)} is ${short(mb)}` };
  }
  if (FULL_COMMIT.test(req.base)) {
    return { commit: req.base.toLowerCase(), how: `commit ${short(req.base)} given as the base (not in local git history)` };
  }
  if (req.fallbackCommit) {
    return {
      commit: req.fallbackCommit,
      how: `${req.base} could not be resolved in local git history (shallow checkout? use fetch-depth: 0); using the PR's base commit ${short(req.fallbackCommit)}`
    };
  }
  return { how: `${req.base} is neither a known commit nor a ref in this checkout` };
}
async function resolveBaseline(req) {
  const maxWalk = req.maxWalk ?? DEFAULT_MAX_WALK;
  const wanted = wantedCommit(req);
  if (!wanted.commit) return { found: false, searched: 0, reason: wanted.how };
  const chain = req.history.firstParentChain(wanted.commit, maxWalk);
  if (chain.length === 0) chain.push(wanted.commit);
  for (let distance = 0; distance < chain.length; distance++) {
    const commit = chain[distance];
    const stored = await req.store.find(req.jobKey, commit);
    if (stored.length === 0) continue;
    const why = distance === 0 ? `${wanted.how}; it has a stored profile for job ${req.jobKey}` : `${wanted.how}, which has no stored profile for job ${req.jobKey}; the nearest first-parent ancestor with one is ${short(commit)}, ${distance} commit${distance === 1 ? "" : "s"} back`;
    return { found: true, commit, wanted: wanted.commit, distance, reason: why, stored: stored[0], candidates: stored.length };
  }
  return {
    found: false,
    wanted: wanted.commit,
    searched: chain.length,
    reason: `${wanted.how}; none of it and its ${chain.length - 1} nearest first-parent ancestors has a stored profile for job ${req.jobKey} in the ${req.store.name} store`
  };
}

// src/profile/aggregate.ts
function functionTable(profile, valueIndex = timeValueIndex(profile)) {
  const countIndex = profile.sampleTypes.findIndex((t3) => t3.unit === "count");
  const n = profile.functions.length;
  const self = new Float64Array(n);
  const total = new Float64Array(n);
  const selfSamples = new Float64Array(n);
  const totalSamples = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  let sum = 0;
  let sumSamples = 0;
  profile.samples.forEach((s, si) => {
    const v = s.values[valueIndex] ?? 0;
    const c = countIndex >= 0 ? s.values[countIndex] ?? 0 : 0;
    sum += v;
    sumSamples += c;
    const leaf = s.stack[0];
    if (leaf !== void 0) {
      self[leaf] += v;
      selfSamples[leaf] += c;
    }
    for (const id of s.stack) {
      if (seen[id] === si) continue;
      seen[id] = si;
      total[id] += v;
      totalSamples[id] += c;
    }
  });
  const stats = [];
  for (let id = 0; id < n; id++) {
    if (total[id] === 0 && totalSamples[id] === 0) continue;
    stats.push({ id, frame: profile.functions[id], self: self[id], total: total[id], selfSamples: selfSamples[id], totalSamples: totalSamples[id] });
  }
  return { stats, total: sum, totalSamples: sumSamples, valueIndex };
}
function idleValue(table) {
  return table.stats.filter((s) => s.frame.name === IDLE_FRAME && s.frame.file === "").reduce((a, s) => a + s.self, 0);
}
function topBySelf(table, limit, includeIdle = false) {
  return table.stats.filter((s) => includeIdle || !(s.frame.name === IDLE_FRAME && s.frame.file === "")).sort((a, b) => b.self - a.self || b.total - a.total).slice(0, limit);
}
function formatFrame(f) {
  return f.file ? `${f.name} ${f.file}:${f.line}` : f.name;
}

// src/diff/stats.ts
function logGamma(x) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t3 = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t3) - t3 + Math.log(a);
}
function betaContinuedFraction(a, b, x) {
  const MAX_ITER = 500;
  const EPS = 3e-16;
  const FPMIN = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}
function regularizedBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return Math.exp(lnFront) * betaContinuedFraction(a, b, x) / a;
  return 1 - Math.exp(lnFront) * betaContinuedFraction(b, a, 1 - x) / b;
}
function binomialCdf(k, n, p) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return regularizedBeta(1 - p, n - k, k + 1);
}
function poissonRatioTest(k1, exposure1, k2, exposure2) {
  const n = Math.round(k1 + k2);
  if (n === 0 || exposure1 <= 0 || exposure2 <= 0) return 1;
  const p0 = exposure2 / (exposure1 + exposure2);
  const k = Math.round(k2);
  const lower = binomialCdf(k, n, p0);
  const upper = 1 - binomialCdf(k - 1, n, p0);
  return Math.min(1, 2 * Math.min(lower, upper));
}
function benjaminiHochberg(pValues) {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i]).sort((a, b) => a[0] - b[0]);
  const q2 = new Array(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const [p, i] = order[r];
    running = Math.min(running, p * m / (r + 1));
    q2[i] = running;
  }
  return q2;
}
function studentTTwoSided(t3, df) {
  if (!Number.isFinite(t3)) return 0;
  if (df <= 0) return 1;
  return regularizedBeta(df / (df + t3 * t3), df / 2, 0.5);
}
function studentTQuantile(p, df) {
  let lo = 0;
  let hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSided(mid, df) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function normalQuantile(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < pl) {
    const q3 = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q3 + c[1]) * q3 + c[2]) * q3 + c[3]) * q3 + c[4]) * q3 + c[5]) / ((((d[0] * q3 + d[1]) * q3 + d[2]) * q3 + d[3]) * q3 + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q2 = p - 0.5;
  const r = q2 * q2;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q2 / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
function seededRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = s + 1831565813 >>> 0;
    let t3 = s;
    t3 = Math.imul(t3 ^ t3 >>> 15, t3 | 1);
    t3 ^= t3 + Math.imul(t3 ^ t3 >>> 7, t3 | 61);
    return ((t3 ^ t3 >>> 14) >>> 0) / 4294967296;
  };
}
function quantileSorted(sorted, q2) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q2;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function normalTwoSided(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t3 = 1 / (1 + 0.5 * x);
  const erfc = t3 * Math.exp(-x * x - 1.26551223 + t3 * (1.00002368 + t3 * (0.37409196 + t3 * (0.09678418 + t3 * (-0.18628806 + t3 * (0.27886807 + t3 * (-1.13520398 + t3 * (1.48851587 + t3 * (-0.82215223 + t3 * 0.17087277)))))))));
  return Math.min(1, erfc);
}
function tOrNormalTwoSided(t3, df) {
  return df > 1e3 ? normalTwoSided(t3) : studentTTwoSided(t3, df);
}

// src/diff/noise.ts
function commonUnits(base, head) {
  return [...base.keys()].filter((k) => head.has(k)).sort();
}
var BOOTSTRAP_ROUNDS = 2e3;
function bootstrapOverFiles(fnKey, units, base, head, speed, level = 0.95) {
  const n = units.length;
  const b = new Float64Array(n);
  const h = new Float64Array(n);
  units.forEach((u, i) => {
    b[i] = base.get(u)?.get(fnKey) ?? 0;
    h[i] = head.get(u)?.get(fnKey) ?? 0;
  });
  let seed = 2166136261;
  for (let i = 0; i < fnKey.length; i++) seed = Math.imul(seed ^ fnKey.charCodeAt(i), 16777619);
  const rand = seededRandom(seed);
  const ratios = new Float64Array(BOOTSTRAP_ROUNDS);
  let atOrBelowZero = 0;
  let atOrAboveZero = 0;
  let valid = 0;
  for (let r = 0; r < BOOTSTRAP_ROUNDS; r++) {
    let sb = 0;
    let sh = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      sb += b[j];
      sh += h[j];
    }
    if (sb <= 0) continue;
    const pct3 = (sh / sb / speed - 1) * 100;
    ratios[valid++] = pct3;
    if (pct3 <= 0) atOrBelowZero++;
    if (pct3 >= 0) atOrAboveZero++;
  }
  if (valid < BOOTSTRAP_ROUNDS / 2) return void 0;
  const sorted = ratios.subarray(0, valid).sort();
  const tail = (1 - level) / 2;
  return {
    method: "test-files",
    level,
    lowPct: quantileSorted(sorted, tail),
    highPct: quantileSorted(sorted, 1 - tail),
    pValue: Math.min(1, 2 * Math.min(atOrBelowZero, atOrAboveZero) / valid),
    units: n
  };
}
function samplingInterval(baseSamples, headSamples, speed, speedLogVariance, dispersion, z, level) {
  if (baseSamples <= 0 || headSamples <= 0 || speed <= 0) return void 0;
  const logRatio = Math.log(headSamples / baseSamples / speed);
  const se = Math.sqrt(dispersion * (1 / baseSamples + 1 / headSamples) + speedLogVariance);
  return { method: "sampling", level, lowPct: (Math.exp(logRatio - z * se) - 1) * 100, highPct: (Math.exp(logRatio + z * se) - 1) * 100, pValue: NaN };
}

// src/util/well-formed.ts
function wellFormed(s) {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

// src/profile/tests.ts
var TEST_FILE_LABEL = "test_file";
var TEST_NAME_LABEL = "test_name";
var testKey = (file, name) => `${file}\0${name}`;
var TEST_META_PREFIX = "test:";
var round2ms = (ms5) => Math.round(ms5 * 100) / 100;
var THREAD_ID = /^\d+-\d+$/;
function testWallsMeta(walls) {
  const meta = {};
  for (const w of walls.values()) {
    meta[`${TEST_META_PREFIX}${encodeURIComponent(wellFormed(w.file))}:${encodeURIComponent(wellFormed(w.name))}`] = `${w.wallMs === null ? "" : round2ms(w.wallMs)}|${w.status}|${w.cpuMs === null || w.cpuMs === void 0 ? "" : round2ms(w.cpuMs)}|${(w.threads ?? []).join(",")}`;
  }
  return meta;
}
function readTestWalls(profile) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(profile.meta)) {
    if (!k.startsWith(TEST_META_PREFIX)) continue;
    const [file, name] = k.slice(TEST_META_PREFIX.length).split(":");
    if (file === void 0 || name === void 0) continue;
    try {
      const [ms5, status, cpu, threads] = v.split("|");
      const cpuMs = cpu ? Number(cpu) : NaN;
      const own = (threads ?? "").split(",").filter((t3) => THREAD_ID.test(t3));
      const w = { file: decodeURIComponent(file), name: decodeURIComponent(name), wallMs: ms5 ? Number(ms5) : null, status: status ?? "" };
      if (Number.isFinite(cpuMs) && cpuMs >= 0) w.cpuMs = cpuMs;
      if (own.length) w.threads = own;
      out.set(testKey(w.file, w.name), w);
    } catch {
    }
  }
  return out;
}
var round2 = (ns) => Math.round(ns / 1e4) / 100;
function samplesByTest(profile) {
  const out = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const name = s.labels[TEST_NAME_LABEL];
    if (name === void 0) continue;
    const file = String(s.labels[TEST_FILE_LABEL] ?? "");
    const key = testKey(file, String(name));
    let entry = out.get(key);
    if (!entry) out.set(key, entry = { file, name: String(name), samples: [] });
    entry.samples.push(s);
  }
  return out;
}
function selfByFunction(profile, samples) {
  const vi = timeValueIndex(profile);
  const self = /* @__PURE__ */ new Map();
  for (const s of samples) {
    const leaf = s.stack[0];
    if (leaf === void 0 || profile.functions[leaf]?.name === IDLE_FRAME) continue;
    self.set(leaf, (self.get(leaf) ?? 0) + (s.values[vi] ?? 0));
  }
  return self;
}
function frameOut(f, ns) {
  return { name: f?.name ?? "?", file: f?.file ?? "", line: f?.line ?? 0, selfMs: round2(ns) };
}
function testStats(profile, options = {}) {
  const topN = options.topN ?? 3;
  const ci = countValueIndex(profile);
  const rows = /* @__PURE__ */ new Map();
  for (const [key, { file, name, samples }] of samplesByTest(profile)) {
    const self = selfByFunction(profile, samples);
    let cpu = 0;
    for (const v of self.values()) cpu += v;
    const count = ci >= 0 ? samples.reduce((a, s) => a + (s.values[ci] ?? 0), 0) : samples.length;
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([id, ns]) => frameOut(profile.functions[id], ns));
    rows.set(key, { file, name, wallMs: null, cpuMs: round2(cpu), samples: count, top });
  }
  for (const [key, w] of options.walls ?? readTestWalls(profile)) {
    const row = rows.get(key) ?? { file: w.file, name: w.name, wallMs: null, cpuMs: 0, samples: 0, top: [] };
    row.wallMs = w.wallMs === null ? null : Math.round(w.wallMs * 100) / 100;
    row.status = w.status;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (b.wallMs ?? b.cpuMs) - (a.wallMs ?? a.cpuMs) || b.cpuMs - a.cpuMs);
}

// src/diff/self-time.ts
var isPseudo = (f) => f.file === "" && (f.name === IDLE_FRAME || f.name === PROGRAM_FRAME || f.name === GC_FRAME || f.name === CIPROF_FRAME || f.name === "(root)");
var NO_FILE = "\0(outside tests)";
function selfByUnit(profile, unitOf) {
  const vi = timeValueIndex(profile);
  const keys = profile.functions.map(functionKey);
  const pseudo = profile.functions.map(isPseudo);
  const out = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const leaf = s.stack[0];
    if (leaf === void 0 || pseudo[leaf]) continue;
    const unit = unitOf(s.labels);
    let m = out.get(unit);
    if (!m) out.set(unit, m = /* @__PURE__ */ new Map());
    const k = keys[leaf];
    m.set(k, (m.get(k) ?? 0) + (s.values[vi] ?? 0));
  }
  return out;
}
function selfByFunctionKey(profile) {
  return selfByUnit(profile, () => "").get("") ?? /* @__PURE__ */ new Map();
}
function selfByTestFile(profile) {
  return selfByUnit(profile, (labels) => {
    const file = labels[TEST_FILE_LABEL];
    return file === void 0 || file === "(setup)" ? NO_FILE : String(file);
  });
}

// src/diff/common-tests.ts
function presence(p) {
  const tests = /* @__PURE__ */ new Set();
  const files = /* @__PURE__ */ new Set();
  for (const [key, w] of readTestWalls(p)) {
    tests.add(key);
    files.add(w.file);
  }
  for (const s of p.samples) {
    const file = s.labels[TEST_FILE_LABEL];
    if (file === void 0) continue;
    files.add(String(file));
    const name = s.labels[TEST_NAME_LABEL];
    if (name !== void 0) tests.add(testKey(String(file), String(name)));
  }
  return { tests, files };
}
function keep(p, other) {
  return {
    ...p,
    samples: p.samples.filter((s) => {
      const file = s.labels[TEST_FILE_LABEL];
      if (file === void 0 || file === "(setup)") return true;
      const name = s.labels[TEST_NAME_LABEL];
      return name === void 0 ? other.files.has(String(file)) : other.tests.has(testKey(String(file), String(name)));
    })
  };
}
function restrictToCommonTests(base, head) {
  const b = presence(base);
  const h = presence(head);
  if (b.tests.size === 0 || h.tests.size === 0) return { base, head, baseOnlyTests: 0, headOnlyTests: 0 };
  const baseOnlyTests = [...b.tests].filter((t3) => !h.tests.has(t3)).length;
  const headOnlyTests = [...h.tests].filter((t3) => !b.tests.has(t3)).length;
  if (baseOnlyTests === 0 && headOnlyTests === 0) return { base, head, baseOnlyTests, headOnlyTests };
  return { base: keep(base, h), head: keep(head, b), baseOnlyTests, headOnlyTests };
}

// src/diff/speed.ts
var MIN_VOTE = 10;
var MAX_VOTE_SHARE = 0.1;
var MIN_VOTERS_FOR_DISPERSION = 5;
var MEDIAN_ABS_NORMAL = 0.6745;
function speedFactor(points, fallback) {
  const votes = points.filter((p) => p.base >= MIN_VOTE && p.head >= MIN_VOTE).map((p) => ({ ratio: p.head / p.base, weight: p.base + p.head, v: 1 / p.base + 1 / p.head }));
  if (votes.length < 3) return { factor: fallback, logVariance: 0, dispersion: 1, voters: votes.length };
  const cap = voteCap(votes.map((v) => v.weight));
  for (const v of votes) v.weight = Math.min(v.weight, cap);
  const total = votes.reduce((a, v) => a + v.weight, 0);
  const poissonLogVariance = votes.reduce((a, v) => a + v.weight * v.weight * v.v, 0) / (total * total);
  votes.sort((a, b) => a.ratio - b.ratio);
  let acc = 0;
  let factor = fallback;
  for (const v of votes) {
    acc += v.weight;
    if (acc >= total / 2) {
      factor = v.ratio;
      break;
    }
  }
  const dispersion = votes.length >= MIN_VOTERS_FOR_DISPERSION ? robustDispersion(
    votes.map((v) => (Math.log(v.ratio) - Math.log(factor)) / Math.sqrt(v.v)),
    votes.map((v) => v.weight)
  ) : 1;
  return { factor, logVariance: Math.PI / 2 * dispersion * poissonLogVariance, dispersion, voters: votes.length };
}
function voteCap(weights) {
  const share = Math.max(MAX_VOTE_SHARE, 1 / weights.length);
  let cap = share * weights.reduce((a, w) => a + w, 0);
  for (let i = 0; i < 60; i++) {
    const next = share * weights.reduce((a, w) => a + Math.min(w, cap), 0);
    if (Math.abs(next - cap) <= 1e-9 * cap) break;
    cap = next;
  }
  return cap;
}
function robustDispersion(z, weights) {
  if (z.length === 0) return 1;
  const pairs = z.map((x, i) => ({ abs: Math.abs(x), w: weights?.[i] ?? 1 })).sort((a, b) => a.abs - b.abs);
  const total = pairs.reduce((a, p) => a + p.w, 0);
  let acc = 0;
  let median = pairs[pairs.length - 1].abs;
  for (let i = 0; i < pairs.length; i++) {
    acc += pairs[i].w;
    if (acc > total / 2) {
      median = pairs[i].abs;
      break;
    }
    if (acc === total / 2) {
      median = (pairs[i].abs + pairs[i + 1].abs) / 2;
      break;
    }
  }
  return Math.max(1, (median / MEDIAN_ABS_NORMAL) ** 2);
}
var SAME_ENVIRONMENT_SPEED_SD = 0.03;
var OTHER_ENVIRONMENT_SPEED_SD = 0.25;
function applySpeedPrior(estimate, prior) {
  const sigma2 = estimate.logVariance;
  const tau2 = prior.logSd * prior.logSd;
  if (sigma2 <= 0) return { factor: estimate.factor, logVariance: 0, weight: 1 };
  const weight = tau2 / (tau2 + sigma2);
  return { factor: Math.exp(weight * Math.log(estimate.factor)), logVariance: weight * sigma2, weight };
}

// src/diff/environment.ts
import { cpus, release } from "node:os";
var ENV_KEYS = {
  cpu: "env.cpu",
  cores: "env.cores",
  os: "env.os",
  node: "env.node",
  image: "env.runner_image"
};
function environmentFingerprint(env = process.env) {
  const cpu = cpus();
  const meta = {
    [ENV_KEYS.cpu]: (cpu[0]?.model ?? "unknown").trim(),
    [ENV_KEYS.cores]: String(cpu.length),
    [ENV_KEYS.os]: `${process.platform} ${release()}`,
    [ENV_KEYS.node]: process.version
  };
  const image = env.ImageOS ? `${env.ImageOS}${env.ImageVersion ? ` ${env.ImageVersion}` : ""}` : void 0;
  if (image) meta[ENV_KEYS.image] = image;
  return meta;
}
var LABELS = {
  [ENV_KEYS.cpu]: "CPU model",
  [ENV_KEYS.cores]: "core count",
  [ENV_KEYS.os]: "OS",
  [ENV_KEYS.node]: "Node.js version",
  [ENV_KEYS.image]: "runner image"
};
function environmentWarnings(base, head) {
  const out = [];
  for (const key of Object.values(ENV_KEYS)) {
    const b = base[key];
    const h = head[key];
    if (b !== void 0 && h !== void 0 && b !== h) out.push(`${LABELS[key]} differs: base ${b}, head ${h}`);
  }
  return out;
}

// src/diff/blocked.ts
var NODE_WRAPPERS = {
  "node:net": { cls: "bind", names: ["createServerHandle", "setupListenHandle", "_listen2"] },
  "node:child_process": { cls: "spawnSync", names: ["spawnSync", "execSync", "execFileSync"] },
  "node:internal/child_process": { cls: "spawnSync", names: ["spawnSync"] },
  "node:zlib": { cls: "zlib", names: ["zlibBufferSync", "processChunkSync", "syncBufferWrapper"] },
  "node:internal/crypto/pbkdf2": { cls: "crypto", names: ["pbkdf2Sync"] },
  "node:internal/crypto/scrypt": { cls: "crypto", names: ["scryptSync"] },
  "node:internal/crypto/keygen": { cls: "crypto", names: ["generateKeyPairSync"] },
  "node:internal/crypto/hkdf": { cls: "crypto", names: ["hkdfSync"] },
  "node:dns": { cls: "dns", names: ["lookupService"] },
  "node:os": { cls: "dns", names: ["hostname", "getHostname"] },
  "node:internal/modules/cjs/loader": { cls: "fs", names: ["stat"] }
};
var FS_SYNC = /^(?:[a-z][A-Za-z]*Sync|tryStatSync|tryReadSync|tryCreateBuffer)$/;
var BINDINGS = new Map([
  ...["internalModuleStat", "internalModuleReadJSON", "readFileUtf8", "writeFileUtf8", "lstat", "fstat", "stat", "statfs", "open", "close", "readdir", "mkdir", "rmdir", "rmSync", "unlink", "rename", "realpath", "copyFile", "access", "existsSync", "fsync", "fdatasync", "ftruncate", "symlink", "readlink", "chmod", "utimes", "getFormatOfExtensionlessFile", "legacyMainResolve"].map((n) => [n, "fs"]),
  ["spawn", "spawnSync"],
  ["bind", "bind"],
  ["bind6", "bind"],
  ["listen", "bind"],
  ["pbkdf2", "crypto"],
  ["scrypt", "crypto"],
  ["getaddrinfo", "dns"]
]);
function blockedClass(frame) {
  const { name, file } = frame;
  if (file === "") return BINDINGS.get(name);
  if (!file.startsWith("node:")) return void 0;
  if (file === "node:fs" || file === "node:internal/fs/utils" || file === "node:internal/fs/read/context") return FS_SYNC.test(name) ? "fs" : void 0;
  const w = NODE_WRAPPERS[file];
  return w && w.names.includes(name) ? w.cls : void 0;
}

// src/diff/cpu-clock.ts
var POOL_BELOW_NS = 5e7;
function clockWeights(t3) {
  const off = t3.sampledNs - t3.clockNs;
  if (off <= 0 || t3.sampledNs <= 0) return { blocked: 1, other: 1 };
  if (off <= t3.blockedNs) return { blocked: (t3.blockedNs - off) / t3.blockedNs, other: 1 };
  const rest = t3.sampledNs - t3.blockedNs;
  return { blocked: 0, other: rest > 0 ? Math.max(0, t3.clockNs / rest) : 1 };
}
function onCpuProfile(profile) {
  const walls = readTestWalls(profile);
  const clocked = /* @__PURE__ */ new Map();
  for (const [key, w] of walls) if (typeof w.cpuMs === "number" && w.threads?.length) clocked.set(key, { clockNs: w.cpuMs * 1e6, threads: new Set(w.threads) });
  if (clocked.size === 0) return profile;
  const vi = timeValueIndex(profile);
  const ci = countValueIndex(profile);
  const blocked = profile.functions.map((f) => blockedClass(f) !== void 0);
  const idle = profile.functions.map((f) => f.name === IDLE_FRAME && f.file === "");
  const ownKey = (s) => {
    const name = s.labels[TEST_NAME_LABEL];
    if (name === void 0) return void 0;
    const key = testKey(String(s.labels[TEST_FILE_LABEL] ?? ""), String(name));
    const c = clocked.get(key);
    return c && c.threads.has(`${s.labels.pid}-${s.labels.thread}`) && !idle[s.stack[0] ?? -1] ? key : void 0;
  };
  const own = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const key = ownKey(s);
    if (key === void 0) continue;
    const t3 = own.get(key) ?? { clockNs: clocked.get(key).clockNs, sampledNs: 0, blockedNs: 0 };
    const ns = s.values[vi] ?? 0;
    t3.sampledNs += ns;
    if (blocked[s.stack[0] ?? -1]) t3.blockedNs += ns;
    own.set(key, t3);
  }
  const groupOf = /* @__PURE__ */ new Map();
  const groups = /* @__PURE__ */ new Map();
  for (const [key, t3] of own) {
    const group = t3.sampledNs >= POOL_BELOW_NS ? key : `${walls.get(key).file}`;
    groupOf.set(key, group);
    const g = groups.get(group) ?? { clockNs: 0, sampledNs: 0, blockedNs: 0 };
    g.clockNs += t3.clockNs;
    g.sampledNs += t3.sampledNs;
    g.blockedNs += t3.blockedNs;
    groups.set(group, g);
  }
  const weights = new Map([...groups].map(([k, t3]) => [k, clockWeights(t3)]));
  const samples = profile.samples.map((s) => {
    const key = ownKey(s);
    const w = key === void 0 ? void 0 : weights.get(groupOf.get(key));
    const f = w ? blocked[s.stack[0] ?? -1] ? w.blocked : w.other : 1;
    if (f === 1) return s;
    return { ...s, values: s.values.map((v, i) => i === vi || i === ci ? v * f : v) };
  });
  return { ...profile, samples };
}

// src/diff/noise-history.ts
var MIN_HISTORY_PAIRS = 3;
var MIN_SPEED_SD = 0.01;
var MIN_SWING_SAMPLES = 10;
function selfSamplesByKey(profile) {
  const samples = /* @__PURE__ */ new Map();
  const blocked = /* @__PURE__ */ new Map();
  for (const s of functionTable(profile).stats) {
    if (isPseudo(s.frame)) continue;
    const key = functionKey(s.frame);
    samples.set(key, s.selfSamples);
    const cls = blockedClass(s.frame);
    if (cls) blocked.set(key, cls);
  }
  return { samples, blocked };
}
function addSwing(into, key, excess) {
  const sum = into.get(key) ?? { excess: 0, n: 0 };
  sum.excess += excess;
  sum.n++;
  into.set(key, sum);
}
function swingOf(sums) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, s] of sums) if (s.n >= MIN_HISTORY_PAIRS) out.set(k, Math.max(0, s.excess / s.n));
  return out;
}
function historyExtraLogVariance(history, key, blocked) {
  const own = history?.functionSwing?.get(key);
  if (own !== void 0) return own;
  return blocked ? history?.blockedSwing?.get(blocked) : void 0;
}
function noiseFromHistory(runs) {
  const estimates = [];
  const functionSums = /* @__PURE__ */ new Map();
  const classSums = /* @__PURE__ */ new Map();
  for (let i = 0; i + 1 < runs.length; i++) {
    const newer = runs[i];
    const older = runs[i + 1];
    if (environmentWarnings(older.meta, newer.meta).length > 0) continue;
    const common = restrictToCommonTests(older, newer);
    const base = onCpuProfile(common.base);
    const head = onCpuProfile(common.head);
    const b = selfSamplesByKey(base);
    const h = selfSamplesByKey(head);
    const points = [...b.samples].filter(([k]) => !b.blocked.has(k)).map(([k, n]) => ({ base: n, head: h.samples.get(k) ?? 0 }));
    const e = speedFactor(points, 1);
    if (e.voters < 3) continue;
    estimates.push({ logFactor: Math.log(e.factor), logVariance: e.logVariance, dispersion: e.dispersion });
    for (const key of /* @__PURE__ */ new Set([...b.samples.keys(), ...h.samples.keys()])) {
      const x = b.samples.get(key) ?? 0;
      const y = h.samples.get(key) ?? 0;
      if (x + y < MIN_SWING_SAMPLES) continue;
      const r = Math.log((y + 0.5) / (x + 0.5)) - Math.log(e.factor);
      const excess = r * r - (1 / (x + 0.5) + 1 / (y + 0.5));
      addSwing(functionSums, key, excess);
      const cls = b.blocked.get(key) ?? h.blocked.get(key);
      if (cls) addSwing(classSums, cls, excess);
    }
  }
  if (estimates.length < MIN_HISTORY_PAIRS) return void 0;
  const meanSquare = estimates.reduce((a, e) => a + e.logFactor * e.logFactor, 0) / estimates.length;
  const meanEstimateVariance = estimates.reduce((a, e) => a + e.logVariance, 0) / estimates.length;
  const logSd = Math.max(MIN_SPEED_SD, Math.sqrt(Math.max(0, meanSquare - meanEstimateVariance)));
  const dispersions = estimates.map((e) => e.dispersion).sort((a, b) => a - b);
  const mid = dispersions.length >> 1;
  const dispersion = dispersions.length % 2 ? dispersions[mid] : (dispersions[mid - 1] + dispersions[mid]) / 2;
  return {
    prior: { logSd, source: "history", pairs: estimates.length },
    dispersion,
    pairs: estimates.length,
    speedRatios: estimates.map((e) => Math.exp(e.logFactor)),
    functionSwing: swingOf(functionSums),
    blockedSwing: swingOf(classSums)
  };
}

// src/diff/function-diff.ts
var DEFAULT_THRESHOLDS = { minSamples: 20, minMs: 20, minPct: 10, alpha: 0.01, minUnits: 5 };
var COMPARE_THRESHOLDS = { ...DEFAULT_THRESHOLDS, minMs: 5, minPct: 3, alpha: 0.05 };
var INTERVAL_LEVEL = 0.95;
var isIdle = (f) => f.name === IDLE_FRAME && f.file === "";
var num = (meta, k) => {
  const v = Number(meta[k]);
  return meta[k] !== void 0 && Number.isFinite(v) ? v : void 0;
};
function suiteTotals(profile, table = functionTable(profile)) {
  const idle = table.stats.filter((s) => isIdle(s.frame)).reduce((a, s) => a + s.self, 0);
  const idleSamples = table.stats.filter((s) => isIdle(s.frame)).reduce((a, s) => a + s.selfSamples, 0);
  const blocked = table.stats.filter((s) => blockedClass(s.frame) !== void 0);
  return {
    cpuNs: table.total - idle,
    idleNs: idle,
    samples: table.totalSamples - idleSamples,
    blockedNs: blocked.reduce((a, s) => a + s.self, 0),
    blockedSamples: blocked.reduce((a, s) => a + s.selfSamples, 0),
    wallMs: num(profile.meta, "wall_ms"),
    processes: num(profile.meta, "processes"),
    threads: num(profile.meta, "threads")
  };
}
var emptySide = { selfNs: 0, totalNs: 0, selfSamples: 0, totalSamples: 0 };
var hasFingerprint = (meta) => meta[ENV_KEYS.cpu] !== void 0 && meta[ENV_KEYS.cores] !== void 0;
function speedPriorFor(baseMeta, headMeta, history) {
  if (environmentWarnings(baseMeta, headMeta).length > 0) return { logSd: OTHER_ENVIRONMENT_SPEED_SD, source: "different-environment" };
  if (!hasFingerprint(baseMeta) || !hasFingerprint(headMeta)) return { logSd: OTHER_ENVIRONMENT_SPEED_SD, source: "unknown-environment" };
  return history ? history.prior : { logSd: SAME_ENVIRONMENT_SPEED_SD, source: "same-environment" };
}
function diffProfiles(fullBase, fullHead, overrides = {}, context = {}) {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...overrides };
  const common = restrictToCommonTests(fullBase, fullHead);
  const { baseOnlyTests, headOnlyTests } = common;
  const base = context.onCpu === false ? common.base : onCpuProfile(common.base);
  const head = context.onCpu === false ? common.head : onCpuProfile(common.head);
  const clocked = base !== common.base && head !== common.head;
  const bt = functionTable(base);
  const ht = functionTable(head);
  const baseTotals = suiteTotals(base, bt);
  const headTotals = suiteTotals(head, ht);
  const rows = joinRows(bt, ht);
  const m = speedModel(rows, base, head, context.history);
  const tested = [...rows.values()].filter((row) => testRow(row, baseTotals, headTotals, m, thresholds));
  const fileUnits = judgeRows(tested, base, head, m.speed, thresholds, true);
  const functions = [...rows.values()].sort((a, b) => Math.abs(b.selfDeltaNs) - Math.abs(a.selfDeltaNs));
  addSamplingIntervals(functions.slice(0, 50), m);
  const { regressions, improvements, blocked, withinNoise, verdict } = partitionRows(functions);
  return {
    base: baseTotals,
    head: headTotals,
    suite: suiteChange(baseTotals, headTotals, thresholds),
    thresholds,
    functions,
    regressions,
    improvements,
    ...blocked.length ? { blocked } : {},
    withinNoise,
    verdict,
    noiseModel: {
      sampling: true,
      ...fileUnits > 0 ? { testFiles: fileUnits } : {},
      ...clocked ? { cpuClock: true } : {},
      dispersion: m.dispersion,
      speed: {
        estimated: m.estimate.factor,
        applied: m.speed,
        weight: m.applied.weight,
        prior: m.prior.source,
        priorSdPct: m.prior.logSd * 100,
        ...m.prior.pairs !== void 0 ? { historyPairs: m.prior.pairs } : {}
      }
    },
    environmentWarnings: environmentWarnings(base.meta, head.meta),
    excludedTests: { baseOnly: baseOnlyTests, headOnly: headOnlyTests },
    speedFactor: m.speed
  };
}
var BLOCKED_ROWS = 20;
function partitionRows(functions) {
  const cpu = functions.filter((r) => !r.blocked);
  const regressions = cpu.filter((r) => r.status === "regression");
  const improvements = cpu.filter((r) => r.status === "improvement");
  const blocked = functions.filter((r) => r.blocked && r.status !== "too-small").slice(0, BLOCKED_ROWS);
  return {
    regressions,
    improvements,
    blocked,
    withinNoise: cpu.filter((r) => !isPseudo(r.frame) && r.status !== "regression" && r.status !== "improvement").length,
    verdict: regressions.length > 0 ? "regression" : improvements.length > 0 ? "improvement" : "no-change"
  };
}
function joinRows(bt, ht) {
  const rows = /* @__PURE__ */ new Map();
  const side = (s) => ({
    selfNs: s.self,
    totalNs: s.total,
    selfSamples: s.selfSamples,
    totalSamples: s.totalSamples
  });
  for (const s of bt.stats) rows.set(functionKey(s.frame), newRow(s.frame, side(s), emptySide));
  for (const s of ht.stats) {
    const key = functionKey(s.frame);
    const row = rows.get(key);
    if (row) row.head = side(s);
    else rows.set(key, newRow(s.frame, emptySide, side(s)));
  }
  return rows;
}
function speedModel(rows, base, head, history) {
  const estimate = speedFactor(
    [...rows.values()].filter((r) => !isPseudo(r.frame) && !r.blocked).map((r) => ({ base: r.base.selfSamples, head: r.head.selfSamples })),
    // Too few functions to tell machine speed from code: assume the same speed.
    1
  );
  const prior = speedPriorFor(base.meta, head.meta, history);
  const applied = applySpeedPrior(estimate, prior);
  const dispersion = Math.max(estimate.dispersion, history?.dispersion ?? 1);
  return { estimate, prior, applied, speed: applied.factor, speedLogVar: applied.logVariance, dispersion, history };
}
function testRow(row, baseTotals, headTotals, m, thresholds) {
  const { speed } = m;
  row.selfDeltaNs = row.head.selfNs - row.base.selfNs;
  row.totalDeltaNs = row.head.totalNs - row.base.totalNs;
  row.selfDeltaPct = row.base.selfNs > 0 ? row.selfDeltaNs / row.base.selfNs * 100 : row.head.selfNs > 0 ? Infinity : 0;
  row.baseSelfSharePct = baseTotals.cpuNs > 0 ? row.base.selfNs / baseTotals.cpuNs * 100 : 0;
  row.headSelfSharePct = headTotals.cpuNs > 0 ? row.head.selfNs / headTotals.cpuNs * 100 : 0;
  if (row.base.totalSamples === 0) row.onlyIn = "head";
  else if (row.head.totalSamples === 0) row.onlyIn = "base";
  row.adjustedPct = row.base.selfSamples > 0 ? (row.head.selfSamples / row.base.selfSamples / speed - 1) * 100 : row.head.selfSamples > 0 ? Infinity : 0;
  if (isPseudo(row.frame) || row.base.selfSamples + row.head.selfSamples < thresholds.minSamples || speed <= 0) return false;
  const extra = historyExtraLogVariance(m.history, row.key, row.blocked);
  if (row.blocked && extra === void 0) {
    row.status = "noise";
    return false;
  }
  if (row.blocked) row.judgedBy = "history";
  const exact = poissonRatioTest(row.base.selfSamples, 1, row.head.selfSamples, speed);
  const withSpeed = row.base.selfSamples > 0 && row.head.selfSamples > 0 ? normalTwoSided(Math.log(row.head.selfSamples / row.base.selfSamples / speed) / Math.sqrt(m.dispersion * (1 / row.base.selfSamples + 1 / row.head.selfSamples) + m.speedLogVar + (extra ?? 0))) : exact;
  row.pValue = Math.max(exact, withSpeed);
  return true;
}
function addSamplingIntervals(rows, m) {
  const z = normalQuantile(1 - (1 - INTERVAL_LEVEL) / 2);
  for (const r of rows) {
    if (!r.interval && !isPseudo(r.frame)) {
      const iv = samplingInterval(r.base.selfSamples, r.head.selfSamples, m.speed, m.speedLogVar, m.dispersion, z, INTERVAL_LEVEL);
      if (iv) r.interval = { ...iv, pValue: r.pValue };
    }
  }
}
function suiteChange(baseTotals, headTotals, thresholds) {
  const onCpu2 = (t3) => ({ ns: t3.cpuNs - (t3.blockedNs ?? 0), samples: t3.samples - (t3.blockedSamples ?? 0) });
  const b = onCpu2(baseTotals);
  const h = onCpu2(headTotals);
  const baseRate = b.ns > 0 ? b.samples / b.ns : 0;
  const headRate = h.ns > 0 ? h.samples / h.ns : 0;
  const onCpuDeltaNs = h.ns - b.ns;
  const onCpuDeltaPct = b.ns > 0 ? onCpuDeltaNs / b.ns * 100 : 0;
  const pValue = baseRate > 0 && headRate > 0 ? poissonRatioTest(b.samples, baseRate, h.samples, headRate) : 1;
  const deltaNs = headTotals.cpuNs - baseTotals.cpuNs;
  const deltaPct = baseTotals.cpuNs > 0 ? deltaNs / baseTotals.cpuNs * 100 : 0;
  const significant = pValue <= thresholds.alpha && Math.abs(onCpuDeltaNs) >= thresholds.minMs * 1e6 && Math.abs(onCpuDeltaPct) >= thresholds.minPct;
  return { deltaNs, deltaPct, pValue, significant };
}
function bigEnough(r, t3) {
  const adjustedNs = Number.isFinite(r.adjustedPct) ? r.base.selfNs * r.adjustedPct / 100 : r.head.selfNs;
  return Math.abs(adjustedNs) >= t3.minMs * 1e6 && Math.abs(r.adjustedPct) >= t3.minPct;
}
function judgeRows(tested, base, head, speed, thresholds, setInterval) {
  const q2 = benjaminiHochberg(tested.map((r) => r.pValue));
  tested.forEach((r, i) => {
    r.qValue = q2[i];
    r.status = r.qValue <= thresholds.alpha && bigEnough(r, thresholds) ? r.adjustedPct > 0 ? "regression" : "improvement" : "noise";
  });
  return gateByTestFiles(
    tested.filter((r) => r.status === "regression" || r.status === "improvement"),
    base,
    head,
    speed,
    thresholds,
    setInterval
  );
}
function gateByTestFiles(candidates, base, head, speed, thresholds, setInterval) {
  const baseFiles = selfByTestFile(base);
  const headFiles = selfByTestFile(head);
  const units = commonUnits(baseFiles, headFiles);
  if (units.length < thresholds.minUnits) return 0;
  const gated = candidates.map((r) => ({ r, iv: spreadOverUnits(r.key, units, baseFiles, headFiles) >= thresholds.minUnits ? bootstrapOverFiles(r.key, units, baseFiles, headFiles, speed, INTERVAL_LEVEL) : void 0 })).filter((x) => x.iv !== void 0);
  const q2 = benjaminiHochberg(gated.map((g) => g.iv.pValue));
  gated.forEach((g, i) => {
    if (setInterval) g.r.interval = g.iv;
    if (q2[i] > thresholds.alpha * 5) {
      g.r.status = "noise";
      g.r.demotedBy = "test-files";
    }
  });
  return units.length;
}
function spreadOverUnits(key, units, base, head) {
  let n = 0;
  for (const u of units) if ((base.get(u)?.get(key) ?? 0) > 0 || (head.get(u)?.get(key) ?? 0) > 0) n++;
  return n;
}
function newRow(frame, base, head) {
  const blocked = blockedClass(frame);
  return {
    ...blocked ? { blocked } : {},
    key: functionKey(frame),
    frame,
    base,
    head,
    selfDeltaNs: 0,
    totalDeltaNs: 0,
    selfDeltaPct: 0,
    adjustedPct: 0,
    baseSelfSharePct: 0,
    headSelfSharePct: 0,
    pValue: 1,
    qValue: 1,
    status: "too-small"
  };
}

// src/pyroscope/settings.ts
function resolvePyroscopeSettings(flags, ctx) {
  const env = ctx.env ?? process.env;
  const rawServer = flags.server ?? env.CIPROF_PYROSCOPE_URL;
  if (!rawServer) throw new Error("no Pyroscope server: pass --server <url> or set CIPROF_PYROSCOPE_URL");
  const { server, auth } = splitServerUrl(rawServer, resolveAuth(flags, env));
  const protocol = (flags.protocol ?? "push").toLowerCase();
  if (protocol !== "push" && protocol !== "ingest") throw new Error(`--protocol must be push or ingest, got "${flags.protocol}"`);
  const keep2 = flags.labels === void 0 ? DEFAULT_KEPT_SAMPLE_LABELS : flags.labels.split(",").map((s) => s.trim()).filter((s) => s && s !== "none" && s !== "pid" && s !== "thread");
  let deadlineMs = DEFAULT_RETRY.deadlineMs;
  if (flags.pyroscopeTimeout !== void 0) {
    const s = Number(flags.pyroscopeTimeout);
    if (!Number.isFinite(s) || s <= 0) throw new Error(`--pyroscope-timeout must be a positive number of seconds, got "${flags.pyroscopeTimeout}"`);
    deadlineMs = s * 1e3;
  }
  return {
    server,
    app: flags.app ? sanitizeAppName(flags.app) : defaultAppName(ctx.repository, ctx.repoRoot),
    protocol,
    auth,
    userLabels: parseUserLabels(flags.label ?? [], ctx.warn),
    keepSampleLabels: keep2,
    retry: { ...DEFAULT_RETRY, deadlineMs, attemptTimeoutMs: Math.min(DEFAULT_RETRY.attemptTimeoutMs, deadlineMs) }
  };
}
var UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseWindow(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/.exec(text);
  const ms5 = m ? Number(m[1]) * UNITS[m[2]] : NaN;
  if (!Number.isFinite(ms5) || ms5 <= 0) throw new Error(`--window "${text}" is not a duration like 30d, 12h or 90m`);
  return ms5;
}
function resolvePyroscopeQuerySettings(flags, ctx) {
  const s = resolvePyroscopeSettings(flags, ctx);
  return { server: s.server, app: s.app, auth: s.auth, windowMs: parseWindow(flags.window ?? "30d"), retry: s.retry };
}

// src/pipeline/settings.ts
function storeDirFor(repoRoot, cwd, env, override) {
  return path3.resolve(cwd, override ?? env.CIPROF_STORE_DIR ?? path3.join(repoRoot, ".ciprof", "store"));
}
function defaultBase(ci) {
  if (ci.provider === "local") return ci.baseBranch ?? ci.baseCommit;
  return (ci.baseBranch ? `origin/${ci.baseBranch}` : void 0) ?? ci.baseCommit;
}
function resolveSettings(input, log) {
  const cwd = path3.resolve(input.cwd);
  const git2 = localGitFacts(cwd);
  const ci = detectCi(input.jobKey ? { ...input.env, CIPROF_JOB_KEY: input.jobKey } : input.env, { git: git2, cwd });
  const repoRoot = git2.root ?? cwd;
  const githubToken = input.githubToken || input.env.CIPROF_GITHUB_TOKEN || input.env.GITHUB_TOKEN || void 0;
  const settings = {
    cwd,
    repoRoot,
    inGit: git2.root !== void 0,
    env: input.env,
    ci,
    storeDir: storeDirFor(repoRoot, cwd, input.env, input.storeDir),
    outDir: path3.resolve(cwd, input.outDir ?? ".ciprof"),
    base: input.base || defaultBase(ci),
    githubToken,
    thresholds: { ...DEFAULT_THRESHOLDS, ...input.thresholds },
    includeLaunchers: input.includeLaunchers ?? false,
    maxWalk: input.maxWalk ?? DEFAULT_MAX_WALK,
    intervalUs: input.intervalUs ?? 1e3,
    store: input.store === "auto" ? githubToken && ci.repository ? "github" : "local" : input.store ?? "local"
  };
  const pyro = input.pyroscope;
  if (pyro) {
    if (pyro.upload) {
      try {
        settings.pyroscope = pyroscopeUploadSettings(pyro.flags, settings, log);
      } catch (err) {
        log.warn(`Pyroscope upload disabled: ${err.message}`);
      }
    }
    if (pyro.query) settings.pyroscopeQuery = resolvePyroscopeQuerySettings(pyro.flags, { repository: ci.repository, repoRoot, env: input.env, warn: (l) => log.warn(l) });
  }
  return settings;
}
function pyroscopeUploadSettings(flags, s, log, repository = s.ci.repository) {
  return resolvePyroscopeSettings(flags, { repository, repoRoot: s.repoRoot, env: s.env, warn: (l) => log.warn(l) });
}

// src/render/text.ts
var sgn = (ns) => `${ns >= 0 ? "+" : "-"}${ms(Math.abs(ns))}`;
var pct = (p) => Number.isFinite(p) ? `${p >= 0 ? "+" : ""}${p.toFixed(1)}%` : "new";
var t = (s) => terminalText(s ?? "");
function formatDiffText(report, rows = 10) {
  const b = report.base;
  const lines = [];
  if (b.source === "file") lines.push(`ciprof: base: ${t(b.file)}`);
  else if (b.found) lines.push(`ciprof: base: commit ${t(b.commit)} (${b.distance} commit(s) back from ${t(b.wanted?.slice(0, 12))}): ${t(b.reason)}`);
  const d = report.diff;
  if (!d) {
    lines.push(`ciprof: no baseline: ${t(b.reason)}`);
    return lines.join("\n");
  }
  lines.push(`ciprof: suite CPU ${ms(d.base.cpuNs)} -> ${ms(d.head.cpuNs)} (${sgn(d.suite.deltaNs)}, ${pct(d.suite.deltaPct)}${d.suite.significant ? "" : ", within noise"})`);
  lines.push(`ciprof: verdict: ${t(d.verdict)} (${d.regressions.length} slower, ${d.improvements.length} faster, ${d.withinNoise} within noise)`);
  const show = (title, list2) => {
    if (!list2.length) return;
    lines.push(`ciprof: ${title}:`);
    for (const r of list2.slice(0, rows)) lines.push(`  ${sgn(r.selfDeltaNs).padStart(12)} ${pct(r.selfDeltaPct).padStart(8)}  q=${r.qValue > 0 ? r.qValue.toExponential(1) : "<1e-300"}  ${t(formatFrame(r.frame))}`);
  };
  show("slower", d.regressions);
  show("faster", d.improvements);
  return lines.join("\n");
}
function formatTopTable(profile, rows, cum) {
  const table = functionTable(profile, timeValueIndex(profile));
  const top = [...table.stats].sort((a, b) => cum ? b.total - a.total : b.self - a.self).slice(0, rows);
  const pct3 = (v) => `${table.total ? (v / table.total * 100).toFixed(2) : "0.00"}%`;
  const pprofMs = (v) => `${(v / 1e6).toFixed(2)}ms`;
  const out = [`Total: ${pprofMs(table.total)} in ${table.totalSamples} samples (${profile.functions.length} functions)`];
  out.push(`${"flat".padStart(12)} ${"flat%".padStart(7)} ${"sum%".padStart(7)} ${"cum".padStart(12)} ${"cum%".padStart(7)}`);
  let sum = 0;
  for (const r of top) {
    sum += r.self;
    out.push(`${pprofMs(r.self).padStart(12)} ${pct3(r.self).padStart(7)} ${pct3(sum).padStart(7)} ${pprofMs(r.total).padStart(12)} ${pct3(r.total).padStart(7)}  ${t(formatFrame(r.frame))}`);
  }
  return out.join("\n");
}

// src/cli/io.ts
function warn(line) {
  process.stderr.write(`ciprof: warning: ${line}
`);
}
function fail(line, code = 1) {
  process.stderr.write(`ciprof: error: ${line}
`);
  process.exit(code);
}
var EXIT_USAGE = 2;
function parsePositiveInt(name, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${name} must be a positive whole number, got "${value}"`, EXIT_USAGE);
  return n;
}
var cliLog = {
  info: (line) => process.stderr.write(`ciprof: ${line}
`),
  warn,
  notice: (line) => process.stderr.write(`ciprof: ${line}
`)
};
function nonNegative(name, v) {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) fail(`${name} must be a number >= 0, got "${v}"`, EXIT_USAGE);
  return n;
}
function parseThresholds(flags) {
  const alpha = nonNegative("--alpha", flags.alpha);
  if (alpha <= 0 || alpha >= 1) fail(`--alpha must be between 0 and 1, got "${flags.alpha}"`, EXIT_USAGE);
  return { minMs: nonNegative("--min-ms", flags.minMs), minPct: nonNegative("--min-pct", flags.minPct), alpha, minSamples: nonNegative("--min-samples", flags.minSamples) };
}
function printDiff(report, json) {
  if (json) process.stdout.write(serializeDiffReport(report));
  else process.stderr.write(`${formatDiffText(report)}
`);
}

// src/cli/comment.ts
function registerComment(program2) {
  program2.command("comment").description("publish a saved diff report (diff.json from `ciprof diff`): PR comment / MR note and job summary. For a separate privileged workflow.").option("--report <file>", "the saved diff report", ".ciprof/diff.json").option("--pr <n>", "pull request / merge request number (default: from the workflow_run event, then from CI env; never from the report)").option("--head-sha <sha>", "the commit the report must be about; comment only while it is the PR's head (required outside workflow_run, where the event gives it)").option("--no-summary", "do not write the GitHub job summary").option("--no-comment", "do not comment, only write the job summary").action(async (flags) => {
    const pr = flags.pr ? parsePositiveInt("--pr", flags.pr) : void 0;
    if (flags.headSha && !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(flags.headSha)) fail("--head-sha must be a full commit id", EXIT_USAGE);
    const s = resolveSettings({ cwd: process.cwd(), env: process.env }, cliLog);
    try {
      await publishSavedReport(s, flags.report, { pr, headSha: flags.headSha, summary: flags.summary, comment: flags.comment }, cliLog);
    } catch (err) {
      fail(err.message);
    }
  });
}

// src/cli/compare.ts
import * as path17 from "node:path";

// src/compare/worktree.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import * as path4 from "node:path";
var BaseWorktree = class _BaseWorktree {
  constructor(repoRoot, tmpDir, dir, commit) {
    this.repoRoot = repoRoot;
    this.tmpDir = tmpDir;
    this.dir = dir;
    this.commit = commit;
  }
  repoRoot;
  tmpDir;
  dir;
  commit;
  removed = false;
  /** `git worktree add --detach` of `commit`; throws with git's message when it fails. */
  static add(repoRoot, commit) {
    const tmpDir = mkdtempSync(path4.join(tmpdir(), "ciprof-base-"));
    const dir = path4.join(tmpDir, "base");
    try {
      execFileSync2("git", ["worktree", "add", "--detach", dir, commit], { cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", timeout: 12e4 });
    } catch (err) {
      rmSync(tmpDir, { recursive: true, force: true });
      const stderr = err.stderr?.trim();
      throw new Error(`git worktree add ${commit.slice(0, 12)} failed${stderr ? `: ${stderr}` : ""}`);
    }
    const wt = new _BaseWorktree(repoRoot, tmpDir, dir, commit);
    live.add(wt);
    installHooks();
    return wt;
  }
  /**
   * Synchronous on purpose: it also runs from 'exit' and signal handlers, where nothing
   * asynchronous completes. Each step fails soft so the next one still runs.
   */
  remove() {
    if (this.removed) return;
    this.removed = true;
    live.delete(this);
    const quiet = { cwd: this.repoRoot, stdio: "ignore", timeout: 6e4 };
    try {
      execFileSync2("git", ["worktree", "remove", "--force", "--force", this.dir], quiet);
    } catch {
    }
    rmSync(this.tmpDir, { recursive: true, force: true });
    try {
      execFileSync2("git", ["worktree", "prune"], quiet);
    } catch {
    }
  }
};
var live = /* @__PURE__ */ new Set();
var hooked = false;
function removeAllWorktrees() {
  for (const wt of [...live]) wt.remove();
}
function installHooks() {
  if (hooked) return;
  hooked = true;
  process.on("exit", removeAllWorktrees);
}
function interruptOnSignals(onFirst) {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  let seen = false;
  const handler = (signal) => {
    if (seen) {
      removeAllWorktrees();
      process.exit(128 + signalNumber(signal));
    }
    seen = true;
    onFirst(signal);
  };
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.removeListener(s, handler);
  };
}
function signalNumber(signal) {
  return constants.signals[signal] ?? 0;
}

// src/pipeline/compare.ts
import { renameSync, rmSync as rmSync4 } from "node:fs";
import * as path16 from "node:path";

// src/baseline/history.ts
var LocalGitHistory = class {
  constructor(cwd) {
    this.cwd = cwd;
  }
  cwd;
  resolve(refOrCommit) {
    return git(this.cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${refOrCommit}^{commit}`]);
  }
  mergeBase(a, b) {
    return git(this.cwd, ["merge-base", "--end-of-options", a, b]);
  }
  firstParentChain(commit, limit) {
    const out = git(this.cwd, ["rev-list", "--first-parent", `--max-count=${limit}`, "--end-of-options", commit]);
    return out ? out.split("\n").filter(Boolean) : [];
  }
};

// src/compare/install.ts
import { spawn } from "node:child_process";
function runInstall(command, cwd, env) {
  const child = spawn(command, { cwd, env, shell: true, stdio: ["ignore", 2, 2] });
  const done = new Promise((resolve6) => {
    child.on("error", (err) => resolve6({ exitCode: 127, error: err.message }));
    child.on("close", (code, signal) => resolve6({ exitCode: code ?? (signal ? 128 : 1) }));
  });
  return { done, child };
}

// src/compare/interleave.ts
function interleavedOrder(runs) {
  const order = [];
  for (let i = 1; i <= runs; i++) order.push({ side: "base", index: i }, { side: "head", index: i });
  return order;
}
function firstFailure(records) {
  return records.find((r) => r.exitCode !== 0);
}

// src/compare/package-manager.ts
import { existsSync as existsSync2 } from "node:fs";
import * as path5 from "node:path";
var LOCKFILES = [
  ["pnpm-lock.yaml", "pnpm install --frozen-lockfile"],
  ["yarn.lock", "yarn install --frozen-lockfile"],
  ["package-lock.json", "npm ci"],
  ["npm-shrinkwrap.json", "npm ci"]
];
function planInstall(cwd, repoRoot, override) {
  const root = path5.resolve(repoRoot);
  let dir = path5.resolve(cwd);
  const rel = (d) => path5.relative(root, d);
  if (override !== void 0) {
    const command = override.trim() || void 0;
    return { command, dir: rel(dir), reason: command ? `--install given: ${command}` : "--install '' given: base dependencies not installed" };
  }
  for (; ; ) {
    for (const [file, command] of LOCKFILES) {
      if (existsSync2(path5.join(dir, file))) return { command, dir: rel(dir), reason: `${path5.join(rel(dir), file)} found: ${command}` };
    }
    const parent = path5.dirname(dir);
    if (dir === root || parent === dir || rel(parent).startsWith("..")) break;
    dir = parent;
  }
  return { dir: rel(path5.resolve(cwd)), reason: "no lockfile found between the working directory and the repository root: base dependencies not installed" };
}

// src/compare/run-files.ts
import { readdirSync as readdirSync2, rmSync as rmSync2 } from "node:fs";
import * as path6 from "node:path";
var RUN_FILE = /^(base|head)-(\d+)\.pb\.gz$/;
function runFile(dir, side, index) {
  return path6.join(dir, `${side}-${index}.pb.gz`);
}
function savedRuns(dir) {
  const found = { base: [], head: [] };
  for (const f of readdirSync2(dir)) {
    const m = RUN_FILE.exec(f);
    if (m) found[m[1]].push([Number(m[2]), path6.join(dir, f)]);
  }
  const sorted = (xs) => xs.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  return { base: sorted(found.base), head: sorted(found.head) };
}
function removeRunFiles(dir) {
  for (const f of readdirSync2(dir)) if (RUN_FILE.test(f)) rmSync2(path6.join(dir, f), { force: true });
}

// src/collect/child-env.ts
var OWN_NAMES = /* @__PURE__ */ new Set([
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_CACHE_URL",
  "CIPROF_GITHUB_TOKEN",
  "CIPROF_GITLAB_TOKEN",
  "CIPROF_PYROSCOPE_URL",
  "CIPROF_PYROSCOPE_TOKEN",
  "CIPROF_PYROSCOPE_BASIC_AUTH",
  "CIPROF_PYROSCOPE_TENANT"
]);
var OWN_PREFIXES = ["INPUT_", "ACTIONS_ID_TOKEN_REQUEST_"];
function isOwnSecretName(name) {
  const upper = name.toUpperCase();
  return OWN_NAMES.has(upper) || OWN_PREFIXES.some((p) => upper.startsWith(p));
}
function testCommandEnv(env) {
  const out = {};
  for (const [name, value] of Object.entries(env)) if (!isOwnSecretName(name)) out[name] = value;
  return out;
}

// src/diff/runs.ts
var RUNS_DIFF_METHOD = "diffRuns: per-run per-function self time, pooled t-test with a Poisson floor, Benjamini-Hochberg";
function meanProfile(runs) {
  const merged = mergeProfiles(runs);
  const factor = 1 / Math.max(1, runs.length);
  return { ...merged, samples: merged.samples.map((s) => ({ ...s, values: s.values.map((v) => v * factor) })), meta: { ...runs[0]?.meta, runs: String(runs.length) } };
}
function diffRuns(sampledBaseRuns, sampledHeadRuns, overrides = {}) {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...overrides };
  const n = sampledBaseRuns.length;
  const m = sampledHeadRuns.length;
  if (n === 0 || m === 0) throw new Error("diffRuns needs at least one run on each side");
  const baseRuns = sampledBaseRuns.map(onCpuProfile);
  const headRuns = sampledHeadRuns.map(onCpuProfile);
  const clocked = baseRuns.some((r, i) => r !== sampledBaseRuns[i]) && headRuns.some((r, i) => r !== sampledHeadRuns[i]);
  const meanBase = meanProfile(baseRuns);
  const meanHead = meanProfile(headRuns);
  if (n + m < 3) return diffProfiles(meanBase, meanHead, overrides, { onCpu: false });
  const diff = diffProfiles(meanBase, meanHead, { ...thresholds, minUnits: Number.POSITIVE_INFINITY }, { onCpu: false });
  const baseSelf = baseRuns.map(selfByFunctionKey);
  const headSelf = headRuns.map(selfByFunctionKey);
  const nsPerSample = (diff.base.cpuNs + diff.head.cpuNs) / Math.max(1, diff.base.samples + diff.head.samples);
  const perFile = perFileVariance(baseRuns, headRuns, thresholds.minUnits);
  const runs = { baseSelf, headSelf, nsPerSample, perFile };
  const tested = diff.functions.filter((row) => row.status !== "too-small" && testRowOverRuns(row, runs));
  const fileUnits = judgeRows(tested, meanBase, meanHead, 1, thresholds, false);
  for (const r of tested) if (r.blocked) r.judgedBy = "runs";
  const { regressions, improvements, blocked, withinNoise, verdict } = partitionRows(diff.functions);
  return {
    ...diff,
    thresholds,
    regressions,
    improvements,
    ...blocked.length ? { blocked } : {},
    withinNoise,
    verdict,
    noiseModel: { sampling: true, runs: { base: n, head: m }, ...fileUnits > 0 ? { testFiles: fileUnits } : {}, ...clocked ? { cpuClock: true } : {} },
    speedFactor: 1
  };
}
function overRuns(x, y, nsPerSample, also) {
  const n = x.length;
  const m = y.length;
  const df = n + m - 2;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / m;
  const ss = x.reduce((a, v) => a + (v - mx) ** 2, 0) + y.reduce((a, v) => a + (v - my) ** 2, 0);
  const floor = (mx + my) / 2 * nsPerSample;
  const measured = [{ v: df > 0 ? ss / df : 0, df }, ...also ? [also] : []].reduce((a, b) => b.v > a.v ? b : a);
  const extra = measured.df > 0 ? Math.max(0, measured.v - floor) : 0;
  const variance = floor + extra;
  const dfEff = extra > 0 ? variance * variance / (extra * extra / measured.df) : Number.POSITIVE_INFINITY;
  const se = Math.sqrt(variance * (1 / n + 1 / m));
  const delta = my - mx;
  return { mx, my, se, dfEff, pValue: se > 0 ? tOrNormalTwoSided(delta / se, dfEff) : delta === 0 ? 1 : 0 };
}
function testRowOverRuns(row, r) {
  const n = r.baseSelf.length;
  const m = r.headSelf.length;
  const key = functionKey(row.frame);
  const { mx, my, se, dfEff, pValue } = overRuns(
    r.baseSelf.map((run) => run.get(key) ?? 0),
    r.headSelf.map((run) => run.get(key) ?? 0),
    r.nsPerSample,
    r.perFile?.(key)
  );
  const delta = my - mx;
  row.adjustedPct = mx > 0 ? delta / mx * 100 : my > 0 ? Infinity : 0;
  row.pValue = pValue;
  if (mx > 0) {
    const crit = dfEff > 1e3 ? normalQuantile(1 - (1 - INTERVAL_LEVEL) / 2) : studentTQuantile(1 - INTERVAL_LEVEL, dfEff);
    row.interval = { method: "runs", level: INTERVAL_LEVEL, lowPct: (delta - crit * se) / mx * 100, highPct: (delta + crit * se) / mx * 100, pValue: row.pValue, units: n + m };
  }
  return true;
}
function perFileVariance(baseRuns, headRuns, minUnits) {
  const n = baseRuns.length;
  const m = headRuns.length;
  const df = n + m - 2;
  if (df <= 0) return void 0;
  const base = baseRuns.map(selfByTestFile);
  const head = headRuns.map(selfByTestFile);
  const all = [...base, ...head];
  const units = [...all[0].keys()].filter((u) => all.every((r) => r.has(u)));
  if (units.length < minUnits) return void 0;
  return (key) => {
    let sum = 0;
    let sumSq = 0;
    for (const u of units) {
      const x = base.map((r) => r.get(u).get(key) ?? 0);
      const y = head.map((r) => r.get(u).get(key) ?? 0);
      const mx = x.reduce((a, b) => a + b, 0) / n;
      const my = y.reduce((a, b) => a + b, 0) / m;
      const v = (x.reduce((a, b) => a + (b - mx) ** 2, 0) + y.reduce((a, b) => a + (b - my) ** 2, 0)) / df;
      sum += v;
      sumSq += v * v / df;
    }
    return { v: sum, df: sumSq > 0 ? sum * sum / sumSq : Number.POSITIVE_INFINITY };
  };
}

// src/collect/agent-path.ts
var agentPath = () => distFile("agent.cjs");

// src/collect/node-options.ts
function quoteNodeOption(value) {
  return /[\s"\\]/.test(value) ? `"${value.replace(/(["\\])/g, "\\$1")}"` : value;
}
function withPreload(existing, preloadPath) {
  const flag = `--require ${quoteNodeOption(preloadPath)}`;
  const current = (existing ?? "").trim();
  if (current.includes(flag)) return current;
  return current ? `${current} ${flag}` : flag;
}

// src/collect/test-labeler.ts
import { readdirSync as readdirSync3, readFileSync as readFileSync3 } from "node:fs";
import * as path7 from "node:path";

// src/collect/test-record-read.ts
import { closeSync as closeSync2, fstatSync as fstatSync2, openSync as openSync2, readSync as readSync2 } from "node:fs";
var TEST_RECORD_LIMITS = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxRecords: 1e6,
  maxFileChars: 4096,
  maxNameChars: 16 * 1024
});
var STATUSES = /* @__PURE__ */ new Set(["running", "passed", "failed", "skipped", "unknown"]);
var isCount = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
var isTime = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
function parseTestRecordLine(line, limits = TEST_RECORD_LIMITS) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return "not JSON";
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return "not an object";
  const r = value;
  if (!isCount(r.pid) || !isCount(r.threadId)) return "pid/threadId are not non-negative integers";
  if (r.kind !== "test" && r.kind !== "file") return 'kind is neither "test" nor "file"';
  if (typeof r.file !== "string" || r.file.length > limits.maxFileChars) return `file is not a string of at most ${limits.maxFileChars} characters`;
  if (typeof r.name !== "string" || r.name.length > limits.maxNameChars) return `name is not a string of at most ${limits.maxNameChars} characters`;
  if (!isTime(r.startUs)) return "startUs is not a non-negative number";
  if (r.endUs !== null && (!isTime(r.endUs) || r.endUs < r.startUs)) return "endUs is neither null nor a time after startUs";
  if (r.wallMs !== null && !isTime(r.wallMs)) return "wallMs is neither null nor a non-negative number";
  if (r.cpuMs !== void 0 && r.cpuMs !== null && !isTime(r.cpuMs)) return "cpuMs is neither null nor a non-negative number";
  if (typeof r.status !== "string" || !STATUSES.has(r.status)) return "status is not a known test status";
  return { pid: r.pid, threadId: r.threadId, kind: r.kind, file: wellFormed(r.file), name: wellFormed(r.name), startUs: r.startUs, endUs: r.endUs, wallMs: r.wallMs, cpuMs: r.cpuMs ?? null, status: r.status };
}
function parseTestRecords(text, limits = TEST_RECORD_LIMITS) {
  const out = { records: [], badLines: 0 };
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line) continue;
    if (out.records.length + out.badLines >= limits.maxRecords) throw new Error(`more than ${limits.maxRecords} records`);
    const r = parseTestRecordLine(line, limits);
    if (typeof r === "string") {
      out.badLines++;
      out.firstProblem ??= r;
    } else out.records.push(r);
  }
  return out;
}
function readTestRecordFile(file, limits = TEST_RECORD_LIMITS) {
  let fd;
  try {
    fd = openSync2(file, "r");
    const size = fstatSync2(fd).size;
    if (size > limits.maxFileBytes) throw new Error(`file of ${size} bytes (limit ${limits.maxFileBytes})`);
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync2(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return parseTestRecords(buf.toString("utf8", 0, got), limits);
  } catch (err) {
    throw new Error(`${file}: ${err.message.split("\n", 1)[0]}`);
  } finally {
    if (fd !== void 0) closeSync2(fd);
  }
}

// src/agent/protocol.ts
var ALLOC_ENV = "CIPROF_ALLOC_BYTES";
var ALLOC_SUFFIX = ".allocprofile";
var DEFAULT_ALLOC_INTERVAL_BYTES = 4 * 1024;
function withAllocSampling(env, on) {
  return on ? { ...env, [ALLOC_ENV]: String(DEFAULT_ALLOC_INTERVAL_BYTES) } : env;
}
var MARKER_RESIDUES = 16;
var MARKER_STEP = 16;

// src/collect/test-record.ts
var TESTS_SUFFIX = ".tests.jsonl";
var perfNow = performance.now.bind(performance);
var hrtimeBigint = process.hrtime.bigint;
var originUs = Number(hrtimeBigint() / 1000n) - perfNow() * 1e3;
var threadCpuUsage = process.threadCpuUsage?.bind(process);

// src/collect/test-labeler.ts
var SETUP_FILE = "(setup)";
var SETUP_LABELS = Object.freeze({ [TEST_FILE_LABEL]: SETUP_FILE });
function readTestRecords(rawDir, repoRoot) {
  const byThread = /* @__PURE__ */ new Map();
  const warnings = [];
  let names = [];
  try {
    names = readdirSync3(rawDir).filter((n) => n.endsWith(TESTS_SUFFIX));
  } catch (err) {
    warnings.push(`per-test records unreadable: ${err.message}`);
  }
  for (const name of names) {
    const key = name.slice(0, -TESTS_SUFFIX.length);
    const open = /* @__PURE__ */ new Map();
    const list2 = [];
    let file;
    try {
      file = readTestRecordFile(path7.join(rawDir, name));
    } catch (err) {
      warnings.push(`per-test records skipped: ${err.message}`);
      continue;
    }
    const bad = file.badLines;
    for (const r of file.records) {
      const id = `${r.kind}\0${r.file}\0${r.name}\0${r.startUs}`;
      const interval = open.get(id);
      if (interval && r.endUs !== null) {
        interval.endUs = r.endUs;
        interval.wallMs = r.wallMs;
        interval.cpuMs = r.cpuMs;
        interval.status = r.status;
        open.delete(id);
        continue;
      }
      const fresh = {
        kind: r.kind === "file" ? "file" : "test",
        file: normalizeScriptPath(r.file, repoRoot),
        name: r.name,
        startUs: r.startUs,
        endUs: r.endUs ?? Infinity,
        wallMs: r.wallMs,
        cpuMs: r.cpuMs,
        thread: key,
        status: r.status
      };
      list2.push(fresh);
      if (r.endUs === null) open.set(id, fresh);
    }
    if (bad) warnings.push(`${name}: ${bad} unreadable per-test record line(s) skipped (${file.firstProblem ?? "bad line"})`);
    list2.sort((a, b) => a.startUs - b.startUs);
    byThread.set(key, list2);
  }
  return { byThread, ancestors: readAncestors(rawDir), warnings };
}
function readAncestors(rawDir) {
  const out = /* @__PURE__ */ new Map();
  let names = [];
  try {
    names = readdirSync3(rawDir).filter((n) => n.endsWith("-0.start"));
  } catch {
    return out;
  }
  for (const name of names) {
    try {
      const marker = JSON.parse(readFileSync3(path7.join(rawDir, name), "utf8"));
      if (Array.isArray(marker.ancestors)) out.set(Number(name.split("-")[0]), marker.ancestors);
    } catch {
    }
  }
  return out;
}
function containing(list2, t3) {
  let lo = 0;
  let hi = list2.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (list2[mid].startUs <= t3) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last, steps = 0; i >= 0 && steps < 64; i--, steps++) {
    if (list2[i].endUs > t3) return list2[i];
  }
  return void 0;
}
function closeOpen(list2) {
  for (let i = 0; i < list2.length; i++) {
    const cur = list2[i];
    if (cur.endUs !== Infinity) continue;
    for (let j = i + 1; j < list2.length; j++) {
      const next = list2[j];
      if (next.kind === cur.kind && (cur.kind === "file" || !next.name.startsWith(cur.name + " > "))) {
        cur.endUs = next.startUs;
        break;
      }
    }
  }
}
function makeLabelerFor(records) {
  const byThread = /* @__PURE__ */ new Map();
  const byPid = /* @__PURE__ */ new Map();
  for (const [key, list2] of records.byThread) {
    closeOpen(list2);
    const intervals = { tests: list2.filter((i) => i.kind === "test"), files: list2.filter((i) => i.kind === "file") };
    byThread.set(key, intervals);
    const pid = Number(key.split("-")[0]);
    byPid.set(pid, [...byPid.get(pid) ?? [], intervals]);
  }
  const cache = /* @__PURE__ */ new Map();
  const labelsOf = (i) => {
    let l = cache.get(i);
    if (!l) {
      l = i.kind === "test" ? { [TEST_FILE_LABEL]: i.file, [TEST_NAME_LABEL]: i.name } : { [TEST_FILE_LABEL]: i.file };
      cache.set(i, l);
    }
    return l;
  };
  const runningIn = (pid, t3) => {
    let test;
    let file;
    for (const thread of byPid.get(pid) ?? []) {
      const tt = containing(thread.tests, t3);
      if (tt && (!test || tt.startUs > test.startUs)) test = tt;
      const ff = containing(thread.files, t3);
      if (ff && (!file || ff.startUs > file.startUs)) file = ff;
    }
    return test ? labelsOf(test) : file ? labelsOf(file) : void 0;
  };
  return (info) => {
    const spawnedBy = spawningTest(info, records, runningIn);
    if (spawnedBy) return () => spawnedBy;
    const mine = byThread.get(`${info.pid}-${info.threadId}`);
    if (mine) {
      return (t3) => {
        const test = containing(mine.tests, t3);
        if (test) return labelsOf(test);
        const file = containing(mine.files, t3);
        return file ? labelsOf(file) : SETUP_LABELS;
      };
    }
    const createdBy = info.startUs !== void 0 && !info.isMainThread ? runningIn(info.pid, info.startUs) : void 0;
    return () => createdBy ?? SETUP_LABELS;
  };
}
function spawningTest(info, records, runningIn) {
  if (info.startUs === void 0) return void 0;
  const ancestors = info.ancestors?.length ? info.ancestors : records.ancestors.get(info.pid) ?? [info.ppid];
  for (const pid of ancestors) {
    if (pid === info.pid) continue;
    const labels = runningIn(pid, info.startUs);
    if (labels) return labels;
  }
  return void 0;
}
var MAX_TEST_THREADS = 8;
function testWalls(records) {
  const out = /* @__PURE__ */ new Map();
  for (const list2 of records.byThread.values()) {
    for (const i of list2) {
      if (i.kind !== "test") continue;
      const key = testKey(i.file, i.name);
      const prev = out.get(key);
      const status = i.status === "running" ? "unknown" : i.status;
      if (prev) {
        prev.wallMs = prev.wallMs === null || i.wallMs === null ? null : prev.wallMs + i.wallMs;
        prev.cpuMs = prev.cpuMs === null || prev.cpuMs === void 0 || i.cpuMs === null ? null : prev.cpuMs + i.cpuMs;
        if (prev.threads && !prev.threads.includes(i.thread) && prev.threads.length < MAX_TEST_THREADS) prev.threads.push(i.thread);
        prev.status = status;
      } else out.set(key, { file: i.file, name: i.name, wallMs: i.wallMs, cpuMs: i.cpuMs, threads: [i.thread], status });
    }
  }
  return out;
}

// src/collect/attribution.ts
var NO_RUNNER = "per-test attribution off: no test ran under jest, mocha, vitest or node --test; whole-suite profile only";
function setupAttribution(_command, opts) {
  let preload;
  try {
    preload = distFile("runners/preload.cjs");
  } catch (err) {
    return { notice: `per-test attribution off: ${err.message}` };
  }
  let labeler;
  let walls;
  let warned = false;
  const warnOnce = (line) => {
    if (warned) return;
    warned = true;
    opts.warn(line);
  };
  return {
    attribution: {
      env: { NODE_OPTIONS: withPreload(opts.env.NODE_OPTIONS, preload) },
      prepare: (rawDir) => {
        try {
          const records = readTestRecords(rawDir, opts.repoRoot);
          for (const w of records.warnings) warnOnce(w);
          if (records.byThread.size === 0) {
            warnOnce(NO_RUNNER);
            return;
          }
          labeler = makeLabelerFor(records);
          walls = testWalls(records);
        } catch (err) {
          warnOnce(`per-test attribution off: ${err.message}`);
        }
      },
      labelerFor: (info) => {
        try {
          return labeler?.(info);
        } catch (err) {
          warnOnce(`per-test attribution off: ${err.message}`);
          return void 0;
        }
      },
      tests: (profile) => testStats(profile, { walls }),
      walls: () => walls,
      finish: () => {
        labeler = void 0;
      }
    }
  };
}

// src/collect/profile-command.ts
import { mkdtempSync as mkdtempSync2, rmSync as rmSync3 } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import * as path13 from "node:path";

// src/collect/gather.ts
import { readdirSync as readdirSync5, readFileSync as readFileSync8, realpathSync as realpathSync2, statSync as statSync4 } from "node:fs";
import * as path12 from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";

// src/profile/roles.ts
var PROCESS_ROLE_LABEL = "process_role";
var LAUNCHER_ROLE = "launcher";
var isLauncherSample = (s) => s.labels[PROCESS_ROLE_LABEL] === LAUNCHER_ROLE;
function withoutLaunchers(profile) {
  if (!profile.samples.some(isLauncherSample)) return profile;
  return { ...profile, samples: profile.samples.filter((s) => !isLauncherSample(s)) };
}

// src/sourcemap/apply.ts
import { readFileSync as readFileSync7 } from "node:fs";
import * as path10 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/agent/scripts.ts
import Module from "node:module";
function isProjectScript(url) {
  return /^(?:file:|\/|[a-z]:[\\/])/i.test(url) && !/[\\/]node_modules[\\/]/.test(url);
}
var OWN_DIR = typeof __dirname === "string" ? `${__dirname}/` : void 0;
var NODE_JS_LOADER = jsLoader();
function jsLoader() {
  return Module._extensions?.[".js"];
}

// src/sourcemap/load.ts
import { closeSync as closeSync3, fstatSync as fstatSync3, openSync as openSync3, readFileSync as readFileSync4, readSync as readSync3, statSync as statSync2 } from "node:fs";
import { fileURLToPath } from "node:url";

// src/sourcemap/source-map.ts
import { pathToFileURL } from "node:url";

// src/sourcemap/mappings.ts
var SEGMENT_FIELDS = 5;
var NONE = -1;
var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;
function decodeMappings(mappings) {
  const lines = [];
  let current = [];
  let sorted = true;
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  let column = 0;
  const fields = [];
  const endLine = () => {
    lines.push(sorted ? Int32Array.from(current) : sortSegments(current));
    current = [];
    sorted = true;
    column = 0;
  };
  let i = 0;
  while (i <= mappings.length) {
    const c = i < mappings.length ? mappings.charCodeAt(i) : 59;
    if (c === 59 || c === 44) {
      i++;
      if (c === 59) endLine();
      continue;
    }
    fields.length = 0;
    while (i < mappings.length && mappings.charCodeAt(i) !== 44 && mappings.charCodeAt(i) !== 59) {
      let value = 0;
      let shift = 0;
      let digit;
      do {
        const code = mappings.charCodeAt(i++);
        digit = code < 128 ? DIGIT[code] : -1;
        if (digit < 0) throw new Error(`invalid base64 VLQ character at offset ${i - 1} of "mappings"`);
        value += (digit & 31) * 2 ** shift;
        shift += 5;
      } while (digit & 32 && i < mappings.length);
      if (digit & 32) throw new Error('"mappings" ends inside a VLQ number');
      fields.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    }
    if (fields.length !== 1 && fields.length !== 4 && fields.length !== 5) {
      throw new Error(`a segment of "mappings" has ${fields.length} fields (1, 4 or 5 expected)`);
    }
    const generatedColumn = column += fields[0];
    if (current.length > 0 && generatedColumn < current[current.length - SEGMENT_FIELDS]) sorted = false;
    if (fields.length === 1) {
      current.push(generatedColumn, NONE, NONE, NONE, NONE);
      continue;
    }
    source += fields[1];
    sourceLine += fields[2];
    sourceColumn += fields[3];
    if (fields.length === 5) name += fields[4];
    current.push(generatedColumn, source, sourceLine, sourceColumn, fields.length === 5 ? name : NONE);
  }
  return lines;
}
function sortSegments(flat) {
  const order = Array.from({ length: flat.length / SEGMENT_FIELDS }, (_, k) => k);
  order.sort((a, b) => flat[a * SEGMENT_FIELDS] - flat[b * SEGMENT_FIELDS]);
  const out = new Int32Array(flat.length);
  order.forEach((from, to) => out.set(flat.slice(from * SEGMENT_FIELDS, (from + 1) * SEGMENT_FIELDS), to * SEGMENT_FIELDS));
  return out;
}

// src/sourcemap/source-map.ts
var SourceMap = class _SourceMap {
  constructor(sources, names, lines, contents) {
    this.sources = sources;
    this.names = names;
    this.lines = lines;
    this.contents = contents;
  }
  sources;
  names;
  lines;
  contents;
  /**
   * `mapUrl` is where the map was found: sources are resolved against it (for an inline
   * map, the script's own URL). Throws a plain Error naming the problem.
   */
  static parse(json, mapUrl) {
    const raw = json;
    if (!raw || typeof raw !== "object") throw new Error("not a source map (not a JSON object)");
    if (raw.sections !== void 0) throw new Error('index source maps ("sections") are not supported');
    if (raw.version !== 3) throw new Error(`unsupported source map version ${JSON.stringify(raw.version)} (3 expected)`);
    if (!Array.isArray(raw.sources)) throw new Error('source map has no "sources" array');
    if (typeof raw.mappings !== "string") throw new Error('source map has no "mappings" string');
    const names = Array.isArray(raw.names) ? raw.names.map((n) => typeof n === "string" ? n : "") : [];
    const root = typeof raw.sourceRoot === "string" ? raw.sourceRoot : "";
    const sources = raw.sources.map((s) => resolveSource(typeof s === "string" ? s : "", root, mapUrl));
    const contents = Array.isArray(raw.sourcesContent) ? raw.sourcesContent.map((c) => typeof c === "string" ? c : void 0) : [];
    return new _SourceMap(sources, names, decodeMappings(raw.mappings), contents);
  }
  hasSource(source) {
    return this.sources.includes(source);
  }
  /**
   * This map for code whose line i is line `lineOf[i]` of the code it was made for (-1:
   * a line that code lacks): a map made for a near copy of the code that ran.
   */
  forLines(lineOf) {
    const none = new Int32Array(0);
    return new _SourceMap(this.sources, this.names, lineOf.map((l) => l >= 0 ? this.lines[l] ?? none : none), this.contents);
  }
  /** The original text of `source` (as returned in OriginalPosition.source), if embedded. */
  contentOf(source) {
    const i = this.sources.indexOf(source);
    return i >= 0 ? this.contents[i] : void 0;
  }
  /**
   * The original position of the code at a generated position: the segment that starts
   * at or before the column on that line, else (a function that starts before the
   * line's first mapped column) the line's first segment. Undefined when the line has
   * no segment with a source: the map says this code has no original.
   */
  originalPositionFor(line, column) {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return void 0;
    const at = Math.max(0, lastSegmentAtOrBefore(segments, column));
    const base = at * SEGMENT_FIELDS;
    const sourceIndex = segments[base + 1];
    if (sourceIndex === NONE) return void 0;
    const source = this.sources[sourceIndex];
    if (source === void 0) return void 0;
    const position = { source, line: segments[base + 2], column: segments[base + 3] };
    const name = this.nameNear(segments, at);
    if (name) position.name = name;
    return position;
  }
  /**
   * V8 places a function at its parameter list; generators put the name on the segment
   * of the name token just before it. Only the found segment and the one before count,
   * so a name from an unrelated expression further left is never taken.
   */
  nameNear(segments, at) {
    for (let k = at; k >= Math.max(0, at - 1); k--) {
      const nameIndex = segments[k * SEGMENT_FIELDS + 4];
      if (nameIndex !== NONE) return this.names[nameIndex] || void 0;
    }
    return void 0;
  }
};
function lastSegmentAtOrBefore(segments, column) {
  let lo = 0;
  let hi = segments.length / SEGMENT_FIELDS - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (segments[mid * SEGMENT_FIELDS] <= column) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
function resolveSource(source, root, mapUrl) {
  const joined = root && !/^[a-z][a-z0-9+.-]*:/i.test(source) && !source.startsWith("/") ? `${root.replace(/\/?$/, "/")}${source}` : source;
  try {
    return new URL(joined, toUrl(mapUrl)).href;
  } catch {
    return joined;
  }
}
function toUrl(pathOrUrl) {
  if (pathOrUrl.startsWith("/") || /^[a-z]:[\\/]/i.test(pathOrUrl)) return pathToFileURL(pathOrUrl).href;
  return pathOrUrl;
}

// src/sourcemap/load.ts
var MAX_MAP_BYTES = 64 * 1024 * 1024;
var TAIL_BYTES = 4096;
var SourceMapLoader = class {
  maps = /* @__PURE__ */ new Map();
  onDisk = /* @__PURE__ */ new Map();
  /** One line per map that could not be read: "<where>: <problem>". */
  problems = [];
  /** The parsed map, or undefined (reason recorded once in `problems`) when it cannot be read. */
  load(scriptUrl, sourceMapUrl) {
    const key = `${scriptUrl}\0${sourceMapUrl}`;
    if (this.maps.has(key)) return this.maps.get(key);
    let map;
    const inline = sourceMapUrl.startsWith("data:");
    let where = inline ? `inline source map of ${scriptUrl}` : sourceMapUrl;
    try {
      if (inline) {
        map = SourceMap.parse(parseJson(decodeDataUrl(sourceMapUrl)), scriptUrl);
      } else {
        const mapUrl = new URL(sourceMapUrl, toUrl(scriptUrl)).href;
        where = filePath(mapUrl) ?? mapUrl;
        map = loadFile(mapUrl);
      }
    } catch (err) {
      const e = err;
      this.problems.push(`${where}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
    }
    this.maps.set(key, map);
    return map;
  }
  /**
   * The map URL a script file on disk names in its last lines, for scripts the agent saw
   * no map for (a profile from `--cpu-prof`, or a script already garbage at flush time).
   * Only for JavaScript files: a .ts file on disk is the original, not what V8 ran.
   */
  mapUrlOnDisk(scriptUrl) {
    if (this.onDisk.has(scriptUrl)) return this.onDisk.get(scriptUrl);
    let found;
    const file = filePath(scriptUrl);
    if (file && /\.[cm]?js$/.test(file)) {
      try {
        const text = readTail(file, TAIL_BYTES);
        const m = /\/\/[#@] sourceMappingURL=([^\s'"]+)\s*$/.exec(text);
        if (m) found = m[1];
      } catch {
      }
    }
    this.onDisk.set(scriptUrl, found);
    return found;
  }
};
function loadFile(mapUrl) {
  const file = filePath(mapUrl);
  if (!file) throw new Error("not a local file, not fetched");
  const size = statSync2(file).size;
  if (size > MAX_MAP_BYTES) throw new Error(`${size} bytes, over the ${MAX_MAP_BYTES}-byte limit`);
  return SourceMap.parse(parseJson(readFileSync4(file, "utf8")), mapUrl);
}
function decodeDataUrl(url) {
  const comma = url.indexOf(",");
  if (comma < 0) throw new Error("malformed data: URL (no comma)");
  const header = url.slice(5, comma);
  const body = url.slice(comma + 1);
  const bytes = /;base64$/i.test(header) ? body.length * 3 / 4 : body.length;
  if (bytes > MAX_MAP_BYTES) throw new Error(`${Math.round(bytes)} bytes, over the ${MAX_MAP_BYTES}-byte limit`);
  return /;base64$/i.test(header) ? Buffer.from(body, "base64").toString("utf8") : decodeURIComponent(body);
}
function parseJson(text) {
  try {
    return JSON.parse(text.replace(/^\)\]\}'[^\n]*\n/, ""));
  } catch (err) {
    throw new Error(`invalid JSON (${err.message})`);
  }
}
function filePath(url) {
  if (url.startsWith("file:")) {
    try {
      return fileURLToPath(url.split(/[?#]/, 1)[0]);
    } catch {
      return void 0;
    }
  }
  return url.startsWith("/") ? url.split(/[?#]/, 1)[0] : void 0;
}
function readTail(file, bytes) {
  const fd = openSync3(file, "r");
  try {
    const size = fstatSync3(fd).size;
    const buffer = Buffer.alloc(Math.min(size, bytes));
    readSync3(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString("utf8");
  } finally {
    closeSync3(fd);
  }
}

// src/sourcemap/scripts-file.ts
import { readFileSync as readFileSync5 } from "node:fs";
var WAIT_STEP_MS = 20;
var DEFAULT_WAIT_MS = 2e3;
function scriptMapsPath(cpuprofileFile) {
  return cpuprofileFile.replace(/\.cpuprofile$/, ".scripts.json");
}
function readScriptMaps(file, writerPid, waitMs = DEFAULT_WAIT_MS) {
  const deadline = Date.now() + waitMs;
  for (; ; ) {
    let text;
    try {
      text = readFileSync5(file, "utf8");
    } catch (err) {
      if (err.code !== "ENOENT") throw err;
      if (writerPid === void 0 || !isAlive(writerPid) || Date.now() >= deadline) return void 0;
      sleep2(WAIT_STEP_MS);
      continue;
    }
    return checkScriptMaps(JSON.parse(text));
  }
}
function checkScriptMaps(value) {
  const scripts = value?.scripts;
  if (!Array.isArray(scripts)) throw new Error('no "scripts" array');
  for (const s of scripts) {
    if (!s || typeof s.url !== "string" || typeof s.sourceMapURL !== "string" || !Array.isArray(s.scriptIds)) {
      throw new Error("a script entry lacks url, sourceMapURL or scriptIds");
    }
  }
  return value;
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function sleep2(ms5) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms5);
}

// src/sourcemap/infer-name.ts
var IDENTIFIER = String.raw`[A-Za-z_$][\w$]*`;
var ASSIGNED = new RegExp(String.raw`(?:^|[^\w$.])(${IDENTIFIER}(?:\.${IDENTIFIER})*)\s*(?::[^=;(){}]+)?(?<![=!<>])=\s*(?:async)?$`);
var PROPERTY = new RegExp(String.raw`(?:^\s*|[{,]\s*)(${IDENTIFIER})\s*:\s*(?:async)?$`);
var FUNCTION_KEYWORD = /(?:async\s+)?function\s*\*?\s*$/;
function inferFunctionName(lines, line, column) {
  const current = lines[line];
  if (current === void 0) return void 0;
  let before = current.slice(0, column);
  if (before.trim() === "" && line > 0) before = `${lines[line - 1] ?? ""} `;
  before = before.replace(FUNCTION_KEYWORD, "").trimEnd();
  const match = ASSIGNED.exec(before) ?? PROPERTY.exec(before);
  return match?.[1];
}

// src/sourcemap/jest-cache.ts
import { existsSync as existsSync3, readdirSync as readdirSync4, readFileSync as readFileSync6, realpathSync, statSync as statSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import * as path9 from "node:path";

// src/sourcemap/tsc-rebuild.ts
import { createRequire } from "node:module";
import * as path8 from "node:path";
var TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;
function rebuildBudgetMs(env = process.env) {
  const v = Number(env.CIPROF_TS_REBUILD_MS);
  return env.CIPROF_TS_REBUILD_MS !== void 0 && env.CIPROF_TS_REBUILD_MS !== "" && Number.isFinite(v) && v >= 0 ? v : 1e3;
}
var TscRebuild = class {
  constructor(budgetMs = rebuildBudgetMs()) {
    this.budgetMs = budgetMs;
  }
  budgetMs;
  spentMs = 0;
  skipped = 0;
  /** One line when files were left unmapped because the budget ran out. */
  get problem() {
    return this.skipped ? `${this.skipped} TypeScript file(s) compiled without a map keep generated positions: the ${this.budgetMs} ms budget for compiling them again was spent (CIPROF_TS_REBUILD_MS)` : void 0;
  }
  /** The compiler by the directory it was resolved from (undefined: the project has none). */
  compilers = /* @__PURE__ */ new Map();
  /** Options by the directory of the file compiled (reading a tsconfig lists the project's files). */
  options = /* @__PURE__ */ new Map();
  /** The map of `file` (current text `source`) matching `cachedCode` at every profiled line, else undefined. */
  mapFor(file, source, cachedCode, frames) {
    if (!TYPESCRIPT_FILE.test(file) || !frames.some((f) => f.lineNumber >= 1)) return void 0;
    if (this.spentMs >= this.budgetMs) {
      this.skipped++;
      return void 0;
    }
    const started = performance.now();
    try {
      return this.compileMap(file, source, cachedCode, frames);
    } finally {
      this.spentMs += performance.now() - started;
    }
  }
  compileMap(file, source, cachedCode, frames) {
    const ts = this.compiler(path8.dirname(file));
    if (!ts) return void 0;
    let output;
    try {
      const dir = path8.dirname(file);
      let options = this.options.get(dir);
      if (!options) this.options.set(dir, options = compilerOptions(ts, dir));
      output = ts.transpileModule(source, { fileName: file, compilerOptions: options, reportDiagnostics: false });
    } catch {
      return void 0;
    }
    if (!output.sourceMapText) return void 0;
    const lineOf = alignLines(cachedCode.split("\n"), output.outputText.split("\n"));
    if (frames.some((f) => f.lineNumber >= 1 && (lineOf[f.lineNumber] ?? -1) < 0)) return void 0;
    try {
      const map = { ...JSON.parse(output.sourceMapText), sources: [toUrl(file)], sourceRoot: void 0 };
      return SourceMap.parse(map, toUrl(file)).forLines(lineOf);
    } catch {
      return void 0;
    }
  }
  compiler(dir) {
    if (this.compilers.has(dir)) return this.compilers.get(dir);
    let ts;
    try {
      ts = createRequire(path8.join(dir, "noop.js"))("typescript");
      if (typeof ts.transpileModule !== "function") ts = void 0;
    } catch {
    }
    this.compilers.set(dir, ts);
    return ts;
  }
};
function compilerOptions(ts, dir) {
  let options = {};
  const configFile = ts.findConfigFile(dir, (f) => ts.sys.fileExists(f));
  if (configFile) {
    const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
    if (!read.error) options = ts.parseJsonConfigFileContent({ ...read.config, files: [], include: [] }, ts.sys, path8.dirname(configFile)).options;
  }
  return {
    ...options,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: false,
    removeComments: false,
    declaration: false,
    module: options.module ?? ts.ModuleKind.CommonJS
  };
}
var LOOKAHEAD = 40;
function alignLines(cached, ours) {
  const lineOf = new Array(cached.length).fill(-1);
  let j = 0;
  for (let i = 0; i < cached.length && j < ours.length; i++) {
    if (cached[i] === ours[j]) {
      lineOf[i] = j++;
      continue;
    }
    const ahead = ours.indexOf(cached[i], j + 1);
    if (ahead > j && ahead - j <= LOOKAHEAD) {
      lineOf[i] = ahead;
      j = ahead + 1;
    } else if (!cached.slice(i + 1, i + 1 + LOOKAHEAD).includes(ours[j])) {
      j++;
    }
  }
  return lineOf;
}

// src/sourcemap/jest-cache.ts
var MAX_INDEXED_FILES = 5e5;
function defaultJestCacheDirectory() {
  let tmp = tmpdir2();
  try {
    tmp = realpathSync(tmp);
  } catch {
  }
  const base = path9.join(tmp, "jest");
  return typeof process.getuid === "function" ? `${base}_${process.getuid().toString(36)}` : base;
}
var JestTransformCache = class {
  constructor(cacheDirectory = defaultJestCacheDirectory()) {
    this.cacheDirectory = cacheDirectory;
  }
  cacheDirectory;
  index;
  rebuild = new TscRebuild();
  /** What the TypeScript rebuild left undone, if anything (one line). */
  get problem() {
    return this.rebuild.problem;
  }
  /** The map of jest's cached transform of the script at `url`, checked against its profiled frames. */
  find(url, frames, loader) {
    const file = filePath(url);
    if (!file) return void 0;
    let current;
    try {
      current = readFileSync6(file, "utf8");
    } catch {
      return void 0;
    }
    const sourceUrl = toUrl(file);
    let best;
    for (const candidate of this.candidates(file)) {
      const checked = this.check(candidate, url, sourceUrl, current, frames, loader);
      if (!checked) continue;
      const mtimeMs = statSync3(candidate, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (!best || checked.score > best.score || checked.score === best.score && mtimeMs > best.mtimeMs) best = { ...checked, mtimeMs };
    }
    return best?.map;
  }
  check(candidate, url, sourceUrl, current, frames, loader) {
    let text;
    try {
      text = readFileSync6(candidate, "utf8");
    } catch {
      return void 0;
    }
    const code = text.slice(text.indexOf("\n") + 1);
    const score = agreement(code.split("\n"), frames);
    if (score < 0) return void 0;
    const inline = /\/\/# sourceMappingURL=(data:[^\s]+)\s*$/.exec(code)?.[1];
    const map = inline || existsSync3(`${candidate}.map`) ? loader.load(url, inline ?? `${candidate}.map`) : this.rebuild.mapFor(filePath(url), current, code, frames);
    if (!map?.hasSource(sourceUrl)) return void 0;
    const embedded = map.contentOf(sourceUrl);
    return embedded === void 0 || embedded === current ? { map, score } : void 0;
  }
  /** Cached transforms of files with this file's name (jest: `<name without non-word characters>_<key>`). */
  candidates(file) {
    this.index ??= indexCache(this.cacheDirectory);
    return this.index.get(path9.basename(file, path9.extname(file)).replace(/\W/g, "")) ?? [];
  }
};
function indexCache(cacheDirectory) {
  const index = /* @__PURE__ */ new Map();
  let files = 0;
  for (const transformDir of list(cacheDirectory).filter((d) => d.startsWith("jest-transform-cache-"))) {
    for (const bucket of list(path9.join(cacheDirectory, transformDir))) {
      for (const name of list(path9.join(cacheDirectory, transformDir, bucket))) {
        if (name.endsWith(".map") || ++files > MAX_INDEXED_FILES) continue;
        const cut = name.lastIndexOf("_");
        if (cut <= 0) continue;
        const key = name.slice(0, cut);
        const full = path9.join(cacheDirectory, transformDir, bucket, name);
        const known = index.get(key);
        if (known) known.push(full);
        else index.set(key, [full]);
      }
    }
  }
  return index;
}
function list(dir) {
  try {
    return readdirSync4(dir);
  } catch {
    return [];
  }
}
function agreement(lines, frames) {
  let score = 0;
  for (const frame of frames) {
    if (frame.lineNumber < 1) continue;
    const line = lines[frame.lineNumber];
    const column = frame.columnNumber ?? 0;
    const char = line?.[column];
    if (line === void 0 || char === void 0 || !(char === "(" || /[\w$]/.test(char))) return -1;
    const name = /[\w$]+$/.exec(frame.functionName)?.[0];
    if (name && line.slice(0, column).includes(name)) score++;
  }
  return score;
}

// src/sourcemap/apply.ts
var TRANSFORMED_SOURCE = /\.(?:[cm]?tsx?|jsx|vue|svelte)(?:[?#].*)?$/i;
var JEST_MODULE_WRAPPER = "Object.<anonymous>";
var LISTED_FILES = 20;
var FrameMapper = class {
  constructor(repoRoot, options = {}) {
    this.repoRoot = repoRoot;
    this.options = options;
  }
  repoRoot;
  options;
  loader = new SourceMapLoader();
  mappedFunctions = /* @__PURE__ */ new Set();
  generatedFunctions = /* @__PURE__ */ new Set();
  generatedFiles = /* @__PURE__ */ new Set();
  fileProblems = [];
  sourceLines = /* @__PURE__ */ new Map();
  jestCache;
  /**
   * Maps every call frame of `cpu` in place. `scripts` is the agent's file for it, if
   * any; `fromJestWorker`: the profile is of a jest worker, whose transforms jest cached.
   */
  apply(cpu, scripts, fromJestWorker = false) {
    const byId = /* @__PURE__ */ new Map();
    const byUrl = /* @__PURE__ */ new Map();
    for (const script of scripts?.scripts ?? []) {
      for (const id of script.scriptIds) byId.set(id, script);
      if (!byUrl.has(script.url)) byUrl.set(script.url, script);
    }
    const originalIds = new OriginalScriptIds(cpu);
    for (const nodes of userScriptNodes(cpu).values()) {
      const first = nodes[0].callFrame;
      const entry = byId.get(String(first.scriptId)) ?? byUrl.get(first.url);
      const map = this.mapFor(first.url, entry, fromJestWorker ? nodes.map((n) => n.callFrame) : void 0);
      const done = /* @__PURE__ */ new Map();
      for (const node of nodes) {
        const frame = node.callFrame;
        const key = `${frame.lineNumber}\0${frame.columnNumber ?? -1}\0${frame.functionName}`;
        let mapped = done.get(key);
        if (!mapped) {
          mapped = map ? this.mapFrame(frame, map, originalIds) : this.unmapped(frame, false);
          done.set(key, mapped);
        }
        node.callFrame = mapped;
      }
    }
  }
  /**
   * The bytes of a .cpuprofile the agent wrote, with its frames mapped through the maps
   * its `.scripts.json` lists (or jest's cache, for a jest worker). A profile with nothing
   * to map is returned as it is, never parsed: the importer reads bytes, and a parse and
   * write here is paid only by profiles of transformed code.
   */
  mapBytes(cpuprofileFile, bytes) {
    const scriptsFile = scriptMapsPath(cpuprofileFile);
    let scripts;
    try {
      scripts = readScriptMaps(scriptsFile, Number(path10.basename(cpuprofileFile).split("-")[0]) || void 0);
    } catch (err) {
      this.fileProblems.push(`${scriptsFile}: ${err.message}`);
    }
    if (!scripts || scripts.scripts.length === 0 && !scripts.jestWorker) return bytes;
    let cpu;
    try {
      cpu = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
      if (!Array.isArray(cpu.nodes)) return bytes;
    } catch {
      return bytes;
    }
    this.apply(cpu, scripts, scripts.jestWorker === true);
    return Buffer.from(JSON.stringify(cpu));
  }
  /** One line per map or map file that could not be read, naming it and the problem. */
  get problems() {
    const rebuild = this.jestCache?.problem;
    return [...this.fileProblems, ...this.loader.problems, ...rebuild ? [rebuild] : []];
  }
  /** Profile metadata: what was mapped, and which files kept generated positions. */
  meta() {
    const meta = {
      "sourcemap.mapped_functions": String(this.mappedFunctions.size),
      "sourcemap.generated_functions": String(this.generatedFunctions.size)
    };
    if (this.generatedFiles.size > 0) meta["sourcemap.generated_files"] = [...this.generatedFiles].sort().slice(0, LISTED_FILES).join(",");
    return meta;
  }
  /** The agent's map, else the one a built file names on disk, else jest's cached one. */
  mapFor(url, entry, jestFrames) {
    if (entry) return this.loader.load(entry.url, entry.sourceMapURL);
    const onDisk = this.loader.mapUrlOnDisk(url);
    if (onDisk) return this.loader.load(url, onDisk);
    if (!jestFrames) return void 0;
    this.jestCache ??= new JestTransformCache(this.options.jestCacheDirectory);
    return this.jestCache.find(url, jestFrames, this.loader);
  }
  mapFrame(frame, map, originalIds) {
    const original = frame.lineNumber >= 0 ? map.originalPositionFor(frame.lineNumber, Math.max(0, frame.columnNumber ?? 0)) : void 0;
    if (!original) return this.unmapped(frame, true);
    const mapped = {
      ...frame,
      scriptId: originalIds.of(original.source),
      functionName: this.originalName(frame.functionName, original, map),
      url: original.source,
      lineNumber: original.line,
      columnNumber: original.column
    };
    this.mappedFunctions.add(this.identity(mapped));
    return mapped;
  }
  /**
   * A map's name at the position renames a function V8 named (minified code). For one V8
   * calls anonymous, a map's name would belong to some other token nearby (a callee, a
   * variable), so the name comes from the original text instead, as V8 would infer it.
   */
  originalName(v8Name, original, map) {
    if (v8Name) return original.name ?? v8Name;
    const lines = this.originalLines(original.source, map);
    return lines && inferFunctionName(lines, original.line, original.column) || v8Name;
  }
  originalLines(source, map) {
    if (this.sourceLines.has(source)) return this.sourceLines.get(source);
    let text = map.contentOf(source);
    if (text === void 0 && source.startsWith("file:")) {
      try {
        text = readFileSync7(fileURLToPath2(source), "utf8");
      } catch {
      }
    }
    const lines = text?.split(/\r?\n/);
    this.sourceLines.set(source, lines);
    return lines;
  }
  /** `hasMap`: the script had a map but this position has no original (generated code). */
  unmapped(frame, hasMap) {
    const topLevel = frame.lineNumber === 0 && (!frame.functionName || frame.functionName === JEST_MODULE_WRAPPER);
    if (!topLevel && (hasMap || TRANSFORMED_SOURCE.test(frame.url))) {
      const file = normalizeScriptPath(frame.url, this.repoRoot);
      this.generatedFunctions.add(this.identity(frame));
      this.generatedFiles.add(file);
    }
    return frame;
  }
  identity(frame) {
    return `${frame.functionName}\0${frame.url}\0${frame.lineNumber}`;
  }
};
var OriginalScriptIds = class {
  ids = /* @__PURE__ */ new Map();
  next;
  constructor(cpu) {
    let max = 0;
    for (const node of cpu.nodes) max = Math.max(max, Number(node.callFrame.scriptId) || 0);
    this.next = max + 1;
  }
  of(source) {
    let id = this.ids.get(source);
    if (id === void 0) {
      id = String(this.next++);
      this.ids.set(source, id);
    }
    return id;
  }
};
function userScriptNodes(cpu) {
  const byScript = /* @__PURE__ */ new Map();
  for (const node of cpu.nodes) {
    const url = node.callFrame.url;
    if (!isProjectScript(url)) continue;
    const key = `${node.callFrame.scriptId ?? ""}\0${url}`;
    const nodes = byScript.get(key);
    if (nodes) nodes.push(node);
    else byScript.set(key, [node]);
  }
  return byScript;
}

// src/profile/alloc-import.ts
var isInt = (v) => Number.isSafeInteger(v);
var isNum = (v) => typeof v === "number" && Number.isFinite(v);
function parseAllocProfile(bytes, limits = DEFAULT_LIMITS) {
  if (bytes.length > limits.maxBytes) throw new Error(`larger than ${limits.maxBytes} bytes`);
  let raw;
  try {
    raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  } catch (err) {
    throw new Error(`not JSON (${err.message})`);
  }
  if (!raw || typeof raw !== "object") throw new Error("not an allocation profile");
  const { nodes, samples, $alloc: alloc } = raw;
  if (!Array.isArray(nodes) || nodes.length === 0 || nodes.length > limits.maxNodes) throw new Error(`"nodes" must be a list of 1 to ${limits.maxNodes} nodes`);
  if (!Array.isArray(samples) || samples.length > limits.maxSamples) throw new Error(`"samples" must be a list of at most ${limits.maxSamples} samples`);
  for (const n of nodes) {
    const f = n?.callFrame;
    if (!isInt(n?.id) || !Array.isArray(n.children) || !n.children.every(isInt) || typeof f?.functionName !== "string" || typeof f.url !== "string" || !isInt(f.lineNumber)) {
      throw new Error("a node without id, children or callFrame {functionName, url, lineNumber}");
    }
    if (f.functionName.length > limits.maxStringBytes || f.url.length > limits.maxStringBytes) throw new Error(`a name or URL over ${limits.maxStringBytes} characters`);
  }
  for (const s of samples) {
    if (!isNum(s?.size) || s.size < 0 || !isInt(s.nodeId) || !isNum(s.ordinal)) throw new Error("a sample without size, nodeId or ordinal");
  }
  const b = alloc?.boundariesUs;
  if (!alloc || !isInt(alloc.intervalBytes) || !isInt(alloc.markerElements) || !isNum(alloc.startUs) || !isNum(alloc.endUs) || !Array.isArray(b) || b.length > limits.maxTicks || !b.every(isNum)) {
    throw new Error('bad "$alloc" block');
  }
  return { nodes, samples, info: raw.$ciprof, alloc };
}
function markResidue(size, markerElements) {
  for (const element of [8, 4]) {
    const over = size - element * markerElements;
    const step = element * MARKER_STEP;
    const r = Math.floor(over / step);
    const header = over - r * step;
    if (Number.isInteger(over) && r >= 0 && r < MARKER_RESIDUES && header >= element && header <= (element === 8 ? 80 : 40)) return r;
  }
  return -1;
}
function spansByMarks(file, isMarkNode) {
  const order = file.samples.map((_, i) => i).sort((a, b) => file.samples[a].ordinal - file.samples[b].ordinal);
  const span = new Int32Array(file.samples.length);
  const total = file.alloc.boundariesUs.length;
  let last = -1;
  let found = 0;
  for (const i of order) {
    const s = file.samples[i];
    const residue = isMarkNode(s.nodeId) ? markResidue(s.size, file.alloc.markerElements) : -1;
    if (residue >= 0) {
      span[i] = -1;
      if (last >= 0 && residue === last % MARKER_RESIDUES) continue;
      last += 1 + (residue - (last + 1) % MARKER_RESIDUES + MARKER_RESIDUES) % MARKER_RESIDUES;
      last = Math.min(last, total - 1);
      found++;
      continue;
    }
    span[i] = last + 1;
  }
  return { span, found: Math.min(found, total) };
}
var AllocProfileImporter = class {
  constructor(builder, options) {
    this.builder = builder;
    this.options = options;
    this.samplesIdx = builder.sampleTypeIndex(ALLOC_SAMPLES);
    this.bytesIdx = builder.sampleTypeIndex(ALLOC_SPACE);
  }
  builder;
  options;
  samplesIdx;
  bytesIdx;
  ownNode = -1;
  add(file, opts = {}) {
    const byId = /* @__PURE__ */ new Map();
    const parent = /* @__PURE__ */ new Map();
    for (const n of file.nodes) byId.set(n.id, n);
    for (const n of file.nodes) for (const c of n.children) if (!parent.has(c) && c !== n.id) parent.set(c, n.id);
    const resolve6 = this.stackResolver(byId, parent);
    const isMarkNode = (id) => {
      const f = byId.get(id)?.callFrame;
      return f !== void 0 && this.kindOf(f.url) === "own";
    };
    const { span, found } = spansByMarks(file, isMarkNode);
    const base = opts.labels ?? {};
    const spanLabels = /* @__PURE__ */ new Map();
    const labelsOf = (k) => {
      let l = spanLabels.get(k);
      if (!l) {
        const b = file.alloc.boundariesUs;
        const from = k === 0 ? file.alloc.startUs : b[k - 1];
        const to = k >= b.length ? file.alloc.endUs : b[k];
        const extra = opts.labelAt?.((from + to) / 2);
        l = extra ? { ...base, ...extra } : base;
        spanLabels.set(k, l);
      }
      return l;
    };
    const stats = { samples: 0, bytes: 0, ownBytes: 0, marks: file.alloc.boundariesUs.length, marksFound: found };
    const stacks = file.samples.map((s, i) => span[i] < 0 || !byId.has(s.nodeId) ? void 0 : resolve6(s.nodeId));
    const values = new Array(this.builder.sampleTypes.length).fill(0);
    file.samples.forEach((s, i) => {
      const stack = stacks[i];
      if (!stack) return;
      const { trie, own } = stack;
      values[this.samplesIdx] = 1;
      values[this.bytesIdx] = s.size;
      this.builder.addSampleAt(own ? this.ciprofNode() : trie, values, own ? base : labelsOf(span[i]));
      stats.samples++;
      stats.bytes += s.size;
      if (own) stats.ownBytes += s.size;
    });
    return stats;
  }
  kindOf(url) {
    if (url.startsWith("node:internal/modules/")) return "user";
    if (url === "" || url.startsWith("node:")) return "node";
    return this.options.isOwnScript?.(url) ? "own" : "user";
  }
  ciprofNode() {
    if (this.ownNode < 0) this.ownNode = this.builder.childNode(0, this.builder.functionId(CIPROF_FRAME, "", 0));
    return this.ownNode;
  }
  /** The call-trie node of a V8 node, ciprof's frames cut out, and whether it is ciprof's own work (CpuProfileImporter's rule). */
  stackResolver(byId, parent) {
    const memo = /* @__PURE__ */ new Map();
    const maxDepth = (this.options.limits ?? DEFAULT_LIMITS).maxDepth;
    return (id) => {
      const chain = [];
      for (let cur = id; cur !== void 0 && !memo.has(cur); cur = parent.get(cur)) {
        chain.push(cur);
        if (chain.length > maxDepth) throw new Error(`a stack deeper than ${maxDepth} frames (or a cycle)`);
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        const node = chain[i];
        const p = parent.get(node);
        const up = p === void 0 ? { trie: 0, own: false } : memo.get(p);
        const f = byId.get(node).callFrame;
        const kind = this.kindOf(f.url);
        if (p === void 0 && f.functionName === "(root)") memo.set(node, up);
        else if (kind === "own") memo.set(node, { trie: up.trie, own: true });
        else {
          const fid = this.builder.functionId(f.functionName || "(anonymous)", normalizeScriptPath(f.url, this.options.repoRoot), f.lineNumber >= 0 ? f.lineNumber + 1 : 0);
          memo.set(node, { trie: this.builder.childNode(up.trie, fid), own: up.own && kind === "node" });
        }
      }
      return memo.get(id);
    };
  }
};

// src/collect/thread-info.ts
import * as path11 from "node:path";
var MAX_ARGV = 64;
var MAX_TEXT = 4096;
var isCount2 = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
var isTime2 = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
var isText = (v) => typeof v === "string" && v.length <= MAX_TEXT;
function agentInfoOf(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return "not an object";
  const v = value;
  if (!isCount2(v.pid)) return "pid is not a non-negative integer";
  if (!isCount2(v.threadId)) return "threadId is not a non-negative integer";
  const argv = v.argv ?? [];
  if (!Array.isArray(argv) || argv.length > MAX_ARGV || !argv.every(isText)) return `argv is not a list of at most ${MAX_ARGV} strings`;
  for (const key of ["execPath", "nodeVersion", "hrtimeAtFlushNs"]) {
    if (v[key] !== void 0 && !isText(v[key])) return `${key} is not a string`;
  }
  for (const key of ["ppid", "segment", "intervalUs"]) {
    if (v[key] !== void 0 && !isCount2(v[key])) return `${key} is not a non-negative integer`;
  }
  const wallStartMs = v.wallStartMs ?? 0;
  const wallEndMs = v.wallEndMs ?? wallStartMs;
  if (!isTime2(wallStartMs) || !isTime2(wallEndMs) || wallEndMs < wallStartMs) return "wallStartMs/wallEndMs are not an ordered pair of times";
  if (v.isMainThread !== void 0 && typeof v.isMainThread !== "boolean") return "isMainThread is not a boolean";
  const reason = v.reason === "signal" || v.reason === "terminate" ? v.reason : "exit";
  if (v.startUs !== void 0 && !isTime2(v.startUs)) return "startUs is not a time";
  const ancestors = v.ancestors ?? [];
  if (!Array.isArray(ancestors) || ancestors.length > MAX_ARGV || !ancestors.every(isCount2)) return `ancestors is not a list of at most ${MAX_ARGV} pids`;
  return {
    pid: v.pid,
    ppid: v.ppid ?? 0,
    threadId: v.threadId,
    isMainThread: v.isMainThread ?? v.threadId === 0,
    argv,
    execPath: v.execPath ?? "",
    nodeVersion: v.nodeVersion ?? "",
    segment: v.segment ?? 0,
    reason,
    wallStartMs,
    wallEndMs,
    hrtimeAtFlushNs: v.hrtimeAtFlushNs ?? "",
    intervalUs: v.intervalUs ?? 0,
    startUs: v.startUs,
    ancestors
  };
}
var LAUNCHER_SCRIPT = [
  /[\\/]node_modules[\\/](npm|pnpm|yarn|corepack)[\\/](bin|dist|lib)[\\/][^\\/]+$/,
  /[\\/]\.yarn[\\/]releases[\\/]yarn-[^\\/]+\.c?js$/
];
var LAUNCHER_NAMES = /* @__PURE__ */ new Set(["npm", "npx", "pnpm", "pnpx", "yarn", "yarnpkg", "corepack"]);
var baseName = (file) => path11.basename(file).replace(/\.(exe|cmd|c?js)$/i, "");
function isLauncherProcess(argv, execPath) {
  const script = argv[0] ?? "";
  if (LAUNCHER_SCRIPT.some((re) => re.test(script)) || LAUNCHER_NAMES.has(baseName(script))) return true;
  return LAUNCHER_NAMES.has(baseName(execPath));
}

// src/collect/gather-alloc.ts
var AllocGatherer = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  importer;
  totals;
  /** Throws a plain Error naming the problem; nothing of a bad file reaches the builder. */
  add(file, name) {
    const raw = readProfileBytes(file, this.ctx.limits);
    const bytes = raw.length <= this.ctx.maxMappedBytes ? this.ctx.frameMapper.mapBytes(file.slice(0, -ALLOC_SUFFIX.length) + ".cpuprofile", raw) : raw;
    const parsed = parseAllocProfile(bytes, this.ctx.limits);
    const info = parsed.info === void 0 ? void 0 : agentInfoOf(parsed.info);
    if (typeof info === "string") throw new Error(`bad "$ciprof" block (${info})`);
    const [pidText, tidText] = name.split("-");
    const pid = info?.pid ?? Number(pidText);
    const thread = info?.threadId ?? Number(tidText);
    const launcher = info ? isLauncherProcess(info.argv, info.execPath) : false;
    const labels = launcher ? { pid, thread, [PROCESS_ROLE_LABEL]: LAUNCHER_ROLE } : { pid, thread };
    this.importer ??= new AllocProfileImporter(this.ctx.builder, { repoRoot: this.ctx.repoRoot, isOwnScript: this.ctx.isOwnScript, limits: this.ctx.limits });
    const stats = this.importer.add(parsed, { labels, labelAt: info && !launcher ? this.ctx.labelerFor?.(info) : void 0 });
    const t3 = this.totals ??= { intervalBytes: parsed.alloc.intervalBytes, threads: 0, samples: 0, bytes: 0, ownBytes: 0, marks: 0, marksFound: 0 };
    t3.threads++;
    t3.samples += stats.samples;
    t3.bytes += stats.bytes;
    t3.ownBytes += stats.ownBytes;
    t3.marks += stats.marks;
    t3.marksFound += stats.marksFound;
  }
  /** Profile metadata and warnings once every file is read. */
  finish(meta, warnings) {
    const t3 = this.totals;
    if (!t3) return;
    meta["alloc.interval_bytes"] = String(t3.intervalBytes);
    meta["alloc.threads"] = String(t3.threads);
    if (t3.marksFound < t3.marks) {
      warnings.push(`allocations: ${t3.marks - t3.marksFound} of ${t3.marks} test boundaries not found among the heap samples; allocations next to them may be charged to the neighbouring test`);
    }
  }
};

// src/collect/gather.ts
var MAX_MARKER_BYTES = 64 * 1024;
var MAX_MAPPED_BYTES = 32 * 1024 * 1024;
function gatherRawProfiles(rawDir, options) {
  const builder = new ProfileBuilder();
  const isOwnScript = options.isOwnScript ?? ownScriptMatcher();
  const importer = new CpuProfileImporter(builder, { repoRoot: options.repoRoot, isOwnScript, limits: options.limits });
  const result = { profile: builder.build(), threads: [], processes: 0, lost: [], unprofilable: [], warnings: [], own: { samples: 0, cpuNs: 0 } };
  const started = /* @__PURE__ */ new Set();
  const threads = /* @__PURE__ */ new Map();
  let entries = [];
  try {
    entries = readdirSync5(rawDir).sort();
  } catch (err) {
    result.warnings.push(`${rawDir}: cannot read raw profiles (${err.message})`);
  }
  const wall = { start: Infinity, end: 0 };
  const reader = new ProfileFileReader(options.limits);
  const frameMapper = new FrameMapper(options.repoRoot);
  const unmapped = [];
  const allocs = new AllocGatherer({ builder, repoRoot: options.repoRoot, isOwnScript, frameMapper, maxMappedBytes: MAX_MAPPED_BYTES, labelerFor: options.labelerFor, limits: options.limits });
  for (const name of entries) {
    const file = path12.join(rawDir, name);
    if (name.endsWith(".start")) started.add(name.slice(0, -".start".length));
    else if (name.endsWith(".noinspector")) result.unprofilable.push(readNoInspector(file, name));
    else if (name.endsWith(".cpuprofile")) {
      try {
        addThreadProfile(importer, file, name, options, { reader, threads, wall, own: result.own, frameMapper, unmapped });
      } catch (err) {
        result.warnings.push(asInputError(file, err).message);
      }
    } else if (name.endsWith(ALLOC_SUFFIX)) {
      try {
        allocs.add(file, name);
      } catch (err) {
        result.warnings.push(asInputError(file, err).message);
      }
    }
  }
  builder.meta = frameMapper.meta();
  allocs.finish(builder.meta, result.warnings);
  if (allocs.totals) result.alloc = allocs.totals;
  result.warnings.push(...frameMapper.problems);
  if (unmapped.length) result.warnings.push(`${unmapped[0]}${unmapped.length > 1 ? ` and ${unmapped.length - 1} more` : ""}: larger than ${MAX_MAPPED_BYTES} bytes, source maps not applied`);
  if (wall.start !== Infinity) {
    builder.timeNanos = wall.start * 1e6;
    builder.durationNanos = Math.max(0, wall.end - wall.start) * 1e6;
  }
  result.threads = [...threads.values()];
  result.lost = [...started].filter((k) => !threads.has(k));
  result.processes = new Set(result.threads.map((t3) => t3.pid)).size;
  result.profile = builder.build();
  return result;
}
function addThreadProfile(importer, file, name, options, state) {
  const parsed = state.reader.parse(file);
  if (parsed.kind !== "cpuprofile") throw new Error("expected a V8 .cpuprofile");
  let info;
  let launcher = false;
  let pid = 0;
  let threadId = 0;
  const bytes = parsed.bytes.length <= MAX_MAPPED_BYTES ? state.frameMapper.mapBytes(file, parsed.bytes) : parsed.bytes;
  if (bytes === parsed.bytes && parsed.bytes.length > MAX_MAPPED_BYTES) state.unmapped.push(file);
  const stats = importer.add(bytes, (block) => {
    const checked = block === void 0 ? void 0 : agentInfoOf(block);
    if (typeof checked === "string") throw new Error(`bad "$ciprof" block (${checked})`);
    info = checked;
    const [pidText, tidText] = name.split("-");
    pid = info?.pid ?? Number(pidText);
    threadId = info?.threadId ?? Number(tidText);
    launcher = info ? isLauncherProcess(info.argv, info.execPath) : false;
    const labels = launcher ? { pid, thread: threadId, [PROCESS_ROLE_LABEL]: LAUNCHER_ROLE } : { pid, thread: threadId };
    return { labels, labelAt: info && !launcher ? options.labelerFor?.(info) : void 0 };
  });
  state.own.samples += stats.ownSamples;
  state.own.cpuNs += stats.ownNs;
  const key = `${pid}-${threadId}`;
  const record = state.threads.get(key);
  if (record) {
    record.samples += stats.samples;
    record.cpuNs += stats.totalNs;
    record.segments += 1;
    record.startUs = Math.min(record.startUs, stats.startUs);
    record.endUs = Math.max(record.endUs, stats.endUs);
  } else {
    state.threads.set(key, {
      pid,
      threadId,
      isMainThread: info?.isMainThread ?? threadId === 0,
      argv: info?.argv ?? [],
      nodeVersion: info?.nodeVersion ?? "",
      samples: stats.samples,
      cpuNs: stats.totalNs,
      segments: 1,
      startUs: stats.startUs,
      endUs: stats.endUs,
      ...launcher ? { role: LAUNCHER_ROLE } : {}
    });
  }
  if (info) {
    state.wall.start = Math.min(state.wall.start, info.wallStartMs);
    state.wall.end = Math.max(state.wall.end, info.wallEndMs);
  }
}
function readNoInspector(file, name) {
  const fallback = { pid: Number(name.split("-")[0]), argv: [] };
  try {
    if (statSync4(file).size > MAX_MARKER_BYTES) return fallback;
    const info = JSON.parse(readFileSync8(file, "utf8"));
    const argv = Array.isArray(info.argv) ? info.argv.filter((a) => typeof a === "string").slice(0, 16) : [];
    return { pid: Number.isSafeInteger(info.pid) ? info.pid : fallback.pid, argv };
  } catch {
    return fallback;
  }
}
function ownScriptMatcher() {
  let agent;
  try {
    agent = realpathSync2(distFile("agent.cjs"));
  } catch {
    return () => false;
  }
  const runners = path12.join(path12.dirname(agent), "runners") + path12.sep;
  return (url) => {
    let file = url;
    if (url.startsWith("file:")) {
      try {
        file = fileURLToPath3(url);
      } catch {
        return false;
      }
    }
    return file === agent || file.startsWith(runners) && file.endsWith(".cjs");
  };
}

// src/collect/settle.ts
import { readdirSync as readdirSync6 } from "node:fs";
function pendingPids(rawDir) {
  const names = readdirSync6(rawDir);
  const written = new Set(names.filter((n) => n.endsWith(".cpuprofile")).map((n) => n.split("-").slice(0, 2).join("-")));
  const pids = /* @__PURE__ */ new Set();
  for (const n of names) {
    if (!n.endsWith(".start")) continue;
    const key = n.slice(0, -".start".length);
    const pid = Number(key.split("-")[0]);
    if (!written.has(key) && Number.isSafeInteger(pid) && pid > 1 && pid !== process.pid) pids.add(pid);
  }
  return [...pids];
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
async function settleRawDir(rawDir, timeoutMs = 5e3) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let pending;
    try {
      pending = pendingPids(rawDir).filter(alive);
    } catch {
      return;
    }
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

// src/collect/spawn.ts
import { spawn as spawn2 } from "node:child_process";
import { constants as constants2 } from "node:os";
var FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGWINCH"];
var OWN_GROUP = process.platform !== "win32";
function forwardTo(child, signal) {
  if (child.pid === void 0 || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (OWN_GROUP) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
  }
}
function runCommand(command, options) {
  const started = performance.now();
  const useShell = command.length === 1 && /\s/.test(command[0]);
  const stdio = ["inherit", options.stdout === "stderr" ? 2 : "inherit", "inherit"];
  const spawnOptions = { stdio, env: options.env, cwd: options.cwd, detached: OWN_GROUP };
  const child = useShell ? spawn2(command[0], { ...spawnOptions, shell: true }) : spawn2(command[0], command.slice(1), spawnOptions);
  const forward = (signal) => forwardTo(child, signal);
  const endGroup = () => forwardTo(child, "SIGTERM");
  for (const s of FORWARDED) process.on(s, forward);
  process.on("exit", endGroup);
  return new Promise((resolve6) => {
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      for (const s of FORWARDED) process.removeListener(s, forward);
      process.removeListener("exit", endGroup);
      resolve6({ ...result, wallMs: performance.now() - started });
    };
    child.on("error", (err) => {
      if (child.pid !== void 0) return;
      const spawnError = err.code === "ENOENT" ? `command not found: ${command[0]}` : `cannot run ${command[0]}: ${err.message}`;
      finish({ exitCode: err.code === "ENOENT" ? 127 : 126, spawnError });
    });
    child.on("close", (code, signal) => {
      if (signal) finish({ exitCode: 128 + (constants2.signals[signal] ?? 0), signal });
      else finish({ exitCode: code ?? 1 });
    });
  });
}

// src/collect/profile-command.ts
async function runProfiled(opts) {
  let rawDir;
  let env = opts.env;
  if (opts.profile !== false) {
    try {
      rawDir = mkdtempSync2(path13.join(tmpdir3(), "ciprof-raw-"));
      env = {
        ...opts.env,
        ...opts.attribution?.env,
        // The runner hook (if any) already sits in attribution.env's NODE_OPTIONS.
        NODE_OPTIONS: withPreload(opts.attribution?.env.NODE_OPTIONS ?? opts.env.NODE_OPTIONS, agentPath()),
        CIPROF_RAW_DIR: rawDir,
        CIPROF_INTERVAL_US: String(opts.intervalUs)
      };
    } catch (err) {
      opts.warn(`profiling disabled: ${err.message}`);
      rawDir = void 0;
    }
  }
  const result = await runCommand(rawDir && opts.attribution?.command || opts.command, { env, cwd: opts.cwd, stdout: opts.stdout });
  if (result.spawnError) opts.warn(result.spawnError);
  if (result.spawnError || !rawDir) {
    if (rawDir) rmSync3(rawDir, { recursive: true, force: true });
    return { exitCode: result.exitCode, wallMs: result.wallMs };
  }
  try {
    await settleRawDir(rawDir);
    try {
      opts.attribution?.prepare?.(rawDir);
    } catch (err) {
      opts.warn(`per-test attribution off: ${err.message}`);
    }
    const gathered = gatherRawProfiles(rawDir, { repoRoot: opts.repoRoot, labelerFor: opts.attribution?.labelerFor });
    opts.attribution?.finish?.();
    return { exitCode: result.exitCode, wallMs: result.wallMs, gathered };
  } catch (err) {
    opts.warn(`profile not written: ${err.message}`);
    return { exitCode: result.exitCode, wallMs: result.wallMs };
  } finally {
    if (!opts.keepRaw) rmSync3(rawDir, { recursive: true, force: true });
    else opts.warn(`raw V8 profiles kept in ${rawDir}`);
  }
}

// src/collect/summary.ts
var ms2 = (ns) => Math.round(ns / 1e4) / 100;
var t2 = (text) => redact(plainLine(text.replace(/\t/g, " ")));
function summarize(profile, gathered, base, topN = 10) {
  const table = functionTable(profile);
  const idle = idleValue(table);
  const cpu = table.total - idle;
  const own = table.stats.filter((s) => s.frame.name === CIPROF_FRAME && s.frame.file === "").reduce((a, s) => a + s.self, 0);
  return {
    ...base,
    cpuMs: ms2(cpu),
    idleMs: ms2(idle),
    ciprofMs: ms2(own),
    ciprofPct: cpu > 0 ? Math.round(own / cpu * 1e3) / 10 : 0,
    samples: table.totalSamples,
    processes: gathered.processes,
    threads: gathered.threads.length,
    lostThreads: gathered.lost.length,
    unprofiledProcesses: gathered.unprofilable.length,
    meta: profile.meta,
    top: topBySelf(table, topN).map((s) => ({
      name: s.frame.name,
      file: s.frame.file,
      line: s.frame.line,
      selfMs: ms2(s.self),
      totalMs: ms2(s.total),
      selfPct: cpu > 0 ? Math.round(s.self / cpu * 1e3) / 10 : 0
    }))
  };
}
function formatSummaryText(s) {
  const lines = [];
  const lost = s.lostThreads ? `, ${s.lostThreads} lost (killed before writing)` : "";
  lines.push(
    `ciprof: ${s.processes} process(es), ${s.threads} thread(s) profiled${lost}; wall ${(s.wallMs / 1e3).toFixed(2)} s, CPU ${(s.cpuMs / 1e3).toFixed(2)} s (+${(s.idleMs / 1e3).toFixed(2)} s idle), ${s.samples} samples`
  );
  if (s.ciprofMs) lines.push(`ciprof: its own work (agent, runner hooks) took ${(s.ciprofMs / 1e3).toFixed(2)} s, ${s.ciprofPct.toFixed(1)}% of the CPU, kept outside every test as (ciprof)`);
  if (s.unprofiledProcesses) {
    lines.push(`ciprof: ${s.unprofiledProcesses} process(es) ran without an inspector and were not profiled (node --test's orchestrating parent does; its test files' processes are profiled)`);
  }
  if (s.top.length) {
    lines.push("ciprof: top functions by self CPU time:");
    const width = Math.max(...s.top.map((t3) => t3.selfMs.toFixed(1).length));
    for (const f of s.top) {
      lines.push(`  ${f.selfMs.toFixed(1).padStart(width)} ms ${f.selfPct.toFixed(1).padStart(5)}%  ${t2(formatFrame(f))}`);
    }
  }
  if (s.tests?.length) {
    lines.push(`ciprof: slowest tests (of ${s.tests.length}), wall / CPU:`);
    for (const test of s.tests.slice(0, 5)) {
      const wall = test.wallMs === null ? "      ?" : `${test.wallMs.toFixed(1).padStart(7)}`;
      const hot = test.top[0] ? `  [${t2(test.top[0].name)} ${test.top[0].selfMs.toFixed(1)} ms]` : "";
      lines.push(`  ${wall} ms / ${test.cpuMs.toFixed(1).padStart(7)} ms  ${t2(test.file)} > ${t2(test.name)}${hot}`);
    }
  }
  if (s.profile) lines.push(`ciprof: profile written to ${t2(s.profile)}${s.storedAs ? ` (stored as ${t2(s.storedAs)})` : ""}`);
  if (s.report) lines.push(`ciprof: HTML report written to ${t2(s.report)}`);
  return lines.join("\n");
}

// src/pipeline/collect.ts
async function collect(s, opts, log) {
  const env = testCommandEnv(s.env);
  const warn2 = (line) => log.warn(line);
  const { attribution, notice } = opts.profile === false ? {} : setupAttribution(opts.command, { env, cwd: s.cwd, repoRoot: s.repoRoot, warn: warn2 });
  if (notice && !opts.quiet) log.info(notice);
  const run = await runProfiled({ command: opts.command, env, cwd: s.cwd, intervalUs: s.intervalUs, repoRoot: s.repoRoot, keepRaw: opts.keepRaw, profile: opts.profile, attribution, warn: warn2, stdout: opts.commandStdout });
  const done = { exitCode: run.exitCode, wallMs: run.wallMs, threads: [], lost: [] };
  if (!run.gathered) return done;
  try {
    return { ...done, ...labelRun(s, opts.command, run, env, attribution, log) };
  } catch (err) {
    log.warn(`profile not written: ${err.message}`);
    return done;
  }
}
function labelRun(s, command, run, env, attribution, log) {
  const gathered = run.gathered;
  for (const w of gathered.warnings) log.warn(w);
  const recorded = redactCommand(command);
  const profile = gathered.profile;
  const nodeVersions = [...new Set(gathered.threads.map((t3) => t3.nodeVersion).filter(Boolean))];
  profile.meta = {
    ...profile.meta,
    // what gathering found (source maps)
    ...contextMeta(s.ci),
    "ciprof.version": VERSION,
    command: recorded.join(" "),
    exit_code: String(run.exitCode),
    interval_us: String(s.intervalUs),
    "node.version": nodeVersions.join(",") || process.version,
    processes: String(gathered.processes),
    threads: String(gathered.threads.length),
    lost_threads: String(gathered.lost.length),
    wall_ms: String(Math.round(run.wallMs)),
    ...environmentFingerprint(s.env)
  };
  const walls = attribution?.walls();
  if (walls) Object.assign(profile.meta, testWallsMeta(walls));
  profile.period = s.intervalUs * 1e3;
  if (gathered.threads.length === 0) log.warn("no Node.js process wrote a profile (was the command a Node program?)");
  if (gathered.lost.length) {
    log.warn(`${gathered.lost.length} thread(s) ended before writing a profile (SIGKILL or a crash: no in-process profiler, node --cpu-prof included, can write those): ${gathered.lost.slice(0, 5).join(", ")}`);
  }
  const pprofGzip = encodePprofGzip(profile);
  const summary = summarize(profile, gathered, {
    ciprofVersion: VERSION,
    command: recorded,
    exitCode: run.exitCode,
    wallMs: Math.round(run.wallMs),
    intervalUs: s.intervalUs,
    warnings: gathered.warnings
  });
  if (attribution) {
    try {
      summary.tests = attribution.tests(profile);
    } catch (err) {
      log.warn(`per-test table not computed: ${err.message}`);
    }
  }
  const threads = gathered.threads.map((t3) => ({ ...t3, argv: redactCommand(t3.argv) }));
  return { profile, pprofGzip, summary, threads, lost: gathered.lost };
}

// src/diff/call-tree-diff.ts
function fold(root, profile, side) {
  const vi = timeValueIndex(profile);
  for (const s of profile.samples) {
    const v = s.values[vi] ?? 0;
    if (v === 0) continue;
    let node = root;
    node[side] += v;
    for (let i = s.stack.length - 1; i >= 0; i--) {
      const frame = profile.functions[s.stack[i]];
      if (frame.name === "(root)" && frame.file === "") continue;
      const key = functionKey(frame);
      let child = node.children.get(key);
      if (!child) {
        child = { frame, base: 0, head: 0, children: /* @__PURE__ */ new Map() };
        node.children.set(key, child);
      }
      child[side] += v;
      node = child;
    }
  }
}
function changedPaths(base, head, diff, opts) {
  const reported = new Set([...diff.regressions, ...diff.improvements].map((r) => r.key));
  if (reported.size === 0) return [];
  const root = { frame: { name: "(root)", file: "", line: 0 }, base: 0, head: 0, children: /* @__PURE__ */ new Map() };
  fold(root, base, "base");
  fold(root, head, "head");
  const maxNodes = opts.maxNodes ?? 60;
  const maxDepth = opts.maxDepth ?? 24;
  let budget = maxNodes;
  const leadsToReported = /* @__PURE__ */ new Map();
  const leads = (n) => {
    const cached = leadsToReported.get(n);
    if (cached !== void 0) return cached;
    let r = reported.has(functionKey(n.frame));
    for (const c of n.children.values()) if (leads(c)) r = true;
    leadsToReported.set(n, r);
    return r;
  };
  const keep2 = (n) => Math.abs(n.head - n.base) >= opts.minDeltaNs && leads(n);
  const build = (n, depth) => {
    if (depth >= maxDepth) return [];
    const kids = [...n.children.values()].filter(keep2).sort((a, b) => Math.abs(b.head - b.base) - Math.abs(a.head - a.base));
    const out = [];
    for (let k of kids) {
      if (budget <= 0) break;
      budget--;
      let elided = 0;
      if (depth > 0) {
        for (; ; ) {
          const only = [...k.children.values()].filter(keep2);
          const next = only[0];
          if (only.length !== 1 || !next || reported.has(functionKey(k.frame))) break;
          const grand = [...next.children.values()].filter(keep2);
          if (grand.length !== 1 || reported.has(functionKey(next.frame))) break;
          k = next;
          elided++;
        }
      }
      const node = { frame: k.frame, baseNs: k.base, headNs: k.head, reported: reported.has(functionKey(k.frame)), children: build(k, depth + 1) };
      if (elided) node.elided = elided;
      out.push(node);
    }
    return out;
  };
  return build(root, 0);
}

// src/diff/test-diff.ts
var ms3 = (ns) => Math.round(ns / 1e4) / 100;
var threadOf = (labels) => `${labels.pid}-${labels.thread}`;
function sides(profile) {
  const out = /* @__PURE__ */ new Map();
  const walls = readTestWalls(profile);
  for (const [key, w] of walls) out.set(key, { file: w.file, name: w.name, self: /* @__PURE__ */ new Map(), totalNs: 0, ownNs: 0, samples: 0, wall: w });
  const vi = timeValueIndex(profile);
  for (const [key, entry] of samplesByTest(profile)) {
    const self = /* @__PURE__ */ new Map();
    let totalNs = 0;
    for (const [id, ns] of selfByFunction(profile, entry.samples)) {
      const f = profile.functions[id];
      if (!f) continue;
      const fk = `${f.name}\0${f.file}\0${f.line}`;
      const prev = self.get(fk);
      if (prev) prev.ns += ns;
      else self.set(fk, { name: f.name, file: f.file, line: f.line, ns });
      totalNs += ns;
    }
    const ci = countValueIndex(profile);
    const wall = walls.get(key);
    const own = new Set(wall?.threads ?? []);
    let samples = 0;
    let ownNs = 0;
    for (const sm of entry.samples) {
      if (profile.functions[sm.stack[0] ?? -1]?.name === IDLE_FRAME) continue;
      samples += ci >= 0 ? sm.values[ci] ?? 0 : 1;
      if (own.has(threadOf(sm.labels))) ownNs += sm.values[vi] ?? 0;
    }
    out.set(key, { file: entry.file, name: entry.name, self, totalNs, ownNs, samples, wall });
  }
  return out;
}
function clockCpuNs(side) {
  const cpuMs = side.wall?.cpuMs;
  if (cpuMs === null || cpuMs === void 0 || !side.wall?.threads?.length) return void 0;
  return cpuMs * 1e6 + Math.max(0, side.totalNs - side.ownNs);
}
function clockViews(bs, hs) {
  const out = {};
  const bc = clockCpuNs(bs);
  const hc = clockCpuNs(hs);
  if (bc !== void 0 && hc !== void 0) {
    out.cpuClock = { baseMs: ms3(bc), headMs: ms3(hc) };
    const off = (s) => Math.max(0, s.ownNs - (s.wall?.cpuMs ?? 0) * 1e6);
    out.offCpu = { baseMs: ms3(off(bs)), headMs: ms3(off(hs)) };
  }
  const bw = bs.wall?.wallMs;
  const hw = hs.wall?.wallMs;
  if (typeof bw === "number" && typeof hw === "number") out.wall = { baseMs: bw, headMs: hw };
  return out;
}
function functionChanges(base, head, limit, direction) {
  const keys = /* @__PURE__ */ new Set([...base.self.keys(), ...head.self.keys()]);
  const rows = [];
  for (const k of keys) {
    const b = base.self.get(k);
    const h = head.self.get(k);
    const f = h ?? b;
    const deltaNs = (h?.ns ?? 0) - (b?.ns ?? 0);
    rows.push({ name: f.name, file: f.file, line: f.line, baseMs: ms3(b?.ns ?? 0), headMs: ms3(h?.ns ?? 0), deltaMs: ms3(deltaNs) });
  }
  return rows.sort((x, y) => direction * (y.deltaMs - x.deltaMs)).slice(0, limit);
}
function diffTests(base, head, options = {}) {
  const minMs = options.minDeltaMs ?? 0;
  const minPct = options.minDeltaPct ?? 0;
  const perTest = options.functionsPerTest ?? 5;
  const b = sides(base);
  const h = sides(head);
  const result = { slower: [], faster: [], unchanged: 0, added: [], removed: [] };
  for (const [key, hs] of h) {
    const bs = b.get(key);
    if (!bs) {
      result.added.push({ file: hs.file, name: hs.name, ms: ms3(hs.totalNs), samples: hs.samples });
      continue;
    }
    const deltaNs = hs.totalNs - bs.totalNs;
    const deltaPct = bs.totalNs > 0 ? hs.totalNs / bs.totalNs - 1 : hs.totalNs > 0 ? Infinity : 0;
    const change = {
      file: hs.file,
      name: hs.name,
      baseMs: ms3(bs.totalNs),
      headMs: ms3(hs.totalNs),
      deltaMs: ms3(deltaNs),
      deltaPct,
      baseSamples: bs.samples,
      headSamples: hs.samples,
      ...clockViews(bs, hs)
    };
    const big = Math.abs(deltaNs) / 1e6 >= minMs && Math.abs(deltaPct) >= minPct && deltaNs !== 0;
    if (!big) result.unchanged++;
    else if (deltaNs > 0) result.slower.push({ ...change, functions: functionChanges(bs, hs, perTest, 1) });
    else result.faster.push({ ...change, functions: functionChanges(bs, hs, perTest, -1) });
  }
  for (const [key, bs] of b) {
    if (!h.has(key)) result.removed.push({ file: bs.file, name: bs.name, ms: ms3(bs.totalNs), samples: bs.samples });
  }
  result.slower.sort((x, y) => y.deltaMs - x.deltaMs);
  result.faster.sort((x, y) => x.deltaMs - y.deltaMs);
  result.added.sort((x, y) => y.ms - x.ms);
  result.removed.sort((x, y) => y.ms - x.ms);
  return result;
}

// src/diff/test-significance.ts
function perRunTestNs(runs) {
  return runs.map((sampled) => {
    const run = onCpuProfile(sampled);
    const vi = timeValueIndex(run);
    const out = /* @__PURE__ */ new Map();
    for (const [key, entry] of samplesByTest(run)) {
      let ns = 0;
      for (const s of entry.samples) if (run.functions[s.stack[0] ?? -1]?.name !== IDLE_FRAME) ns += s.values[vi] ?? 0;
      out.set(key, ns);
    }
    return out;
  });
}
function significantTestChanges(base, head, baseTotals, headTotals, t3, runs) {
  const d = diffTests(base, head, { minDeltaMs: t3.minMs, minDeltaPct: t3.minPct / 100, functionsPerTest: 3 });
  const compared = d.slower.length + d.faster.length + d.unchanged;
  if (compared === 0 && d.added.length === 0 && d.removed.length === 0) return void 0;
  const baseRate = baseTotals.cpuNs > 0 ? baseTotals.samples / baseTotals.cpuNs : 0;
  const headRate = headTotals.cpuNs > 0 ? headTotals.samples / headTotals.cpuNs : 0;
  const candidates = [...d.slower, ...d.faster];
  const overTheRuns = runs && runs.base.length + runs.head.length >= 3 ? { base: perRunTestNs(runs.base), head: perRunTestNs(runs.head) } : void 0;
  const nsPerSample = baseRate > 0 ? 1 / baseRate : 0;
  const p = candidates.map((c) => {
    if (c.baseSamples + c.headSamples < t3.minSamples || baseRate <= 0 || headRate <= 0) return 1;
    if (!overTheRuns) return poissonRatioTest(c.baseSamples, baseRate, c.headSamples, headRate);
    const key = testKey(c.file, c.name);
    return overRuns(
      overTheRuns.base.map((r) => r.get(key) ?? 0),
      overTheRuns.head.map((r) => r.get(key) ?? 0),
      nsPerSample
    ).pValue;
  });
  const q2 = benjaminiHochberg([...p, ...new Array(d.unchanged).fill(1)]);
  const significant = candidates.map((c, i) => ({ ...c, qValue: q2[i] })).filter((c) => c.qValue <= t3.alpha);
  const kept = significant.filter((c) => onCpu(c, t3));
  const slower = kept.filter((c) => c.deltaMs > 0);
  const faster = kept.filter((c) => c.deltaMs < 0);
  const offCpu = significant.length - kept.length;
  return { slower, faster, withinNoise: compared - kept.length, ...offCpu > 0 ? { offCpu } : {}, added: d.added, removed: d.removed };
}
function onCpu(c, t3) {
  if (!c.cpuClock) return true;
  const delta = c.cpuClock.headMs - c.cpuClock.baseMs;
  const pct3 = c.cpuClock.baseMs > 0 ? delta / c.cpuClock.baseMs * 100 : Infinity;
  return Math.sign(delta) === Math.sign(c.deltaMs) && Math.abs(delta) >= t3.minMs && Math.abs(pct3) >= t3.minPct;
}

// src/diff/decision.ts
var CLOCKED_SHARE = 0.8;
var CLOCK_AGREES = 0.5;
function decide(base, head, diff, runs) {
  demoteByCpuClock(base, head, diff);
  Object.assign(diff, partitionRows(diff.functions));
  const tests = significantTestChanges(base, head, diff.base, diff.head, diff.thresholds, runs);
  const notes = [...suiteNotes(diff), ...testNotes(diff, tests)];
  return { ...tests ? { tests } : {}, decision: { verdict: diff.verdict, headline: headline(diff, tests, notes), notes } };
}
function sideByTest(profile, keys) {
  const vi = timeValueIndex(profile);
  const fnKeys = profile.functions.map(functionKey);
  const walls = readTestWalls(profile);
  const out = /* @__PURE__ */ new Map();
  for (const [key, entry] of samplesByTest(profile)) {
    const self = /* @__PURE__ */ new Map();
    let sampledNs = 0;
    for (const s of entry.samples) {
      const k = fnKeys[s.stack[0] ?? -1];
      sampledNs += s.values[vi] ?? 0;
      if (k !== void 0 && keys.has(k)) self.set(k, (self.get(k) ?? 0) + (s.values[vi] ?? 0));
    }
    const cpuMs = walls.get(key)?.cpuMs;
    out.set(key, { self, sampledNs, ...typeof cpuMs === "number" ? { cpuMs } : {} });
  }
  return out;
}
function demoteByCpuClock(base, head, diff) {
  const rows = [...diff.regressions, ...diff.improvements];
  if (rows.length === 0) return;
  const keys = new Set(rows.map((r) => r.key));
  const b = sideByTest(base, keys);
  const h = sideByTest(head, keys);
  for (const r of rows) {
    let clockedDeltaNs = 0;
    let clockDeltaNs = 0;
    for (const [test, hs] of h) {
      const bs = b.get(test);
      if (!bs || bs.cpuMs === void 0 || hs.cpuMs === void 0 || bs.sampledNs < POOL_BELOW_NS || hs.sampledNs < POOL_BELOW_NS) continue;
      const d = (hs.self.get(r.key) ?? 0) - (bs.self.get(r.key) ?? 0);
      if (Math.sign(d) !== Math.sign(r.selfDeltaNs)) continue;
      clockedDeltaNs += d;
      clockDeltaNs += (hs.cpuMs - bs.cpuMs) * 1e6;
    }
    const delta = r.selfDeltaNs;
    if (delta === 0 || clockedDeltaNs / delta < CLOCKED_SHARE) continue;
    if (clockDeltaNs / clockedDeltaNs < CLOCK_AGREES) {
      r.status = "noise";
      r.demotedBy = "cpu-clock";
    }
  }
}
var ms4 = (ns) => `${Math.round(ns / 1e6)} ms`;
var pct2 = (p) => Number.isFinite(p) ? `${p >= 0 ? "+" : "\u2212"}${Math.abs(p).toFixed(1)}%` : "new";
var q = (v) => v >= 1e-3 ? v.toFixed(3) : v.toExponential(1);
var plural = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
function suiteNotes(diff) {
  const notes = [];
  const demoted = diff.functions.filter((r) => r.demotedBy === "cpu-clock");
  if (demoted.length) {
    notes.push(`${demoted.map((r) => r.frame.name || "(anonymous)").join(", ")}: the sampled time changed but the CPU clocks of the tests it ran in did not; the thread was waiting (a blocking call inside it, or the machine's other work), so no CPU row.`);
  }
  if (diff.suite.significant && diff.verdict === "no-change" && !diff.noiseModel.runs) {
    notes.push(`The whole run's CPU moved (${pct2(diff.suite.deltaPct)}) and no function stands out from the run's overall speed: a busier or different machine, or a change that touches everything; \`ciprof compare\` runs both on one machine to tell them apart.`);
  }
  const blocked = (diff.blocked ?? []).filter((r) => r.status === "regression" || r.status === "improvement");
  if (blocked.length) notes.push(`Blocked time changed beyond its measured noise: ${blocked.map((r) => `${r.frame.name} (${r.blocked}) ${ms4(r.selfDeltaNs)}`).join(", ")}; waiting, not CPU.`);
  return notes;
}
function whyNotARow(row, diff) {
  if (!row) return "it ran only outside the compared tests";
  if (row.blocked) return `it is time blocked in a system call (${row.blocked}), not CPU`;
  if (row.demotedBy === "cpu-clock") return "the CPU clocks of its tests did not move with it (waiting, not CPU)";
  if (row.demotedBy === "test-files") return "its change is not the same across test files (run-to-run noise)";
  if (row.status === "too-small") return `it has fewer than ${diff.thresholds.minSamples} samples`;
  if (row.status === "noise" && row.qValue <= diff.thresholds.alpha) return `its change (${ms4(row.selfDeltaNs)}, ${pct2(row.adjustedPct)} against the run's speed) is below the minimums (${diff.thresholds.minMs} ms and ${diff.thresholds.minPct}%)`;
  if (isPseudo(row.frame)) return "it is not a function of the code (the runtime's own work)";
  return `over the whole suite its change (${ms4(row.selfDeltaNs)}) is within ${diff.noiseModel.runs ? "the run-to-run noise the runs measured" : "noise"} (q = ${q(row.qValue)})`;
}
function testNotes(diff, tests) {
  if (!tests) return [];
  const reported = new Set([...diff.regressions, ...diff.improvements].map((r) => r.key));
  const byKey = new Map(diff.functions.map((r) => [r.key, r]));
  const notes = [];
  const explain = (t3, dir) => {
    const top = t3.functions[0];
    if (!top || (dir === "slower" ? top.deltaMs <= 0 : top.deltaMs >= 0)) return;
    const key = functionKey({ name: top.name, file: top.file, line: top.line });
    if (reported.has(key)) return;
    notes.push(`Test "${t3.name}" is ${dir} (${t3.deltaMs > 0 ? "+" : "\u2212"}${Math.abs(t3.deltaMs).toFixed(1)} ms), mostly in ${top.name || "(anonymous)"} (${top.deltaMs > 0 ? "+" : "\u2212"}${Math.abs(top.deltaMs).toFixed(1)} ms), which is no function row: ${whyNotARow(byKey.get(key), diff)}.`);
  };
  for (const t3 of tests.slower) explain(t3, "slower");
  for (const t3 of tests.faster) explain(t3, "faster");
  return notes;
}
function headline(diff, tests, notes) {
  const noise = `${plural(diff.withinNoise, "function")} within noise`;
  const extra = [];
  if (tests?.slower.length) extra.push(`${plural(tests.slower.length, "test")} slower`);
  if (tests?.faster.length) extra.push(`${plural(tests.faster.length, "test")} faster`);
  if (notes.length) extra.push(`${plural(notes.length, "note")} below`);
  const tail = extra.length ? `; ${extra.join(", ")}` : "";
  if (diff.verdict === "regression") return `slower: ${plural(diff.regressions.length, "function")} regressed${diff.improvements.length ? `, ${diff.improvements.length} improved` : ""} (${noise})${tail}`;
  if (diff.verdict === "improvement") return `faster: ${plural(diff.improvements.length, "function")} improved (${noise})${tail}`;
  return `no significant change in CPU time (${noise})${tail}`;
}

// src/diff/alloc-diff.ts
var ALLOC_AA_DISPERSION = 1.5;
var CHI2_1_MEDIAN = 0.4549;
var DISPERSION_MIN_SAMPLES = 20;
var DEFAULT_ALLOC_THRESHOLDS = { minSamples: 20, minPct: 10, minSharePct: 0.5, alpha: 0.01, minUnits: 5 };
var UNITS_P = 0.01;
var KEPT_ROWS = 30;
function hasAllocationSamples(profile) {
  return profile.sampleTypes.some((t3) => t3.type === ALLOC_SPACE.type && t3.unit === ALLOC_SPACE.unit);
}
var addTo = (map, outer, inner, v) => {
  let m = map.get(outer);
  if (!m) map.set(outer, m = /* @__PURE__ */ new Map());
  m.set(inner, (m.get(inner) ?? 0) + v);
};
function allocationsOf(profile) {
  const bi = profile.sampleTypes.findIndex((t3) => t3.type === ALLOC_SPACE.type && t3.unit === ALLOC_SPACE.unit);
  const ci = profile.sampleTypes.findIndex((t3) => t3.type === ALLOC_SAMPLES.type && t3.unit === ALLOC_SAMPLES.unit);
  const out = { total: { bytes: 0, samples: 0 }, functions: /* @__PURE__ */ new Map(), tests: /* @__PURE__ */ new Map(), byFile: /* @__PURE__ */ new Map(), byTest: /* @__PURE__ */ new Map() };
  const add = (map, key, make, bytes, samples) => {
    let e = map.get(key);
    if (!e) map.set(key, e = { ...make(), side: { bytes: 0, samples: 0 } });
    e.side.bytes += bytes;
    e.side.samples += samples;
  };
  for (const s of profile.samples) {
    const bytes = bi >= 0 ? s.values[bi] ?? 0 : 0;
    if (bytes === 0) continue;
    const frame = profile.functions[s.stack[0] ?? -1];
    if (!frame || frame.name === CIPROF_FRAME) continue;
    const samples = ci >= 0 ? s.values[ci] ?? 0 : 0;
    const fnKey = functionKey(frame);
    out.total.bytes += bytes;
    out.total.samples += samples;
    add(out.functions, fnKey, () => ({ frame }), bytes, samples);
    const file = String(s.labels[TEST_FILE_LABEL] ?? "");
    addTo(out.byFile, file, fnKey, bytes);
    const name = s.labels[TEST_NAME_LABEL];
    if (name !== void 0) {
      const testKey2 = `${file}\0${String(name)}`;
      add(out.tests, testKey2, () => ({ test: { file, name: String(name) } }), bytes, samples);
      addTo(out.byTest, testKey2, fnKey, bytes);
    }
  }
  return out;
}
function estimateDispersion(pairs) {
  const z2 = pairs.filter(([a, b]) => a + b >= DISPERSION_MIN_SAMPLES).map(([a, b]) => (b - a) ** 2 / (a + b));
  if (z2.length < 5) return { estimated: 1, rows: z2.length };
  z2.sort((x, y) => x - y);
  const mid = z2.length >> 1;
  const median = z2.length % 2 ? z2[mid] : (z2[mid - 1] + z2[mid]) / 2;
  return { estimated: median / CHI2_1_MEDIAN, rows: z2.length };
}
function judge(base, head, interval, dispersion, suiteBytes, t3) {
  const keys = /* @__PURE__ */ new Set([...base.keys(), ...head.keys()]);
  const rows = [];
  const eff = (side) => side.bytes / interval;
  for (const key of keys) {
    const b = base.get(key);
    const h = head.get(key);
    const bs = b?.side ?? { bytes: 0, samples: 0 };
    const hs = h?.side ?? { bytes: 0, samples: 0 };
    const deltaBytes = hs.bytes - bs.bytes;
    rows.push({
      key,
      ...b?.frame ?? h?.frame ? { frame: (b ?? h).frame } : {},
      ...b?.test ?? h?.test ? { test: (b ?? h).test } : {},
      base: bs,
      head: hs,
      deltaBytes,
      deltaPct: bs.bytes > 0 ? deltaBytes / bs.bytes * 100 : Infinity,
      pValue: poissonRatioTest(eff(bs) / dispersion, 1, eff(hs) / dispersion, 1),
      qValue: 1,
      status: "noise"
    });
  }
  const testable = rows.filter((r) => r.base.samples + r.head.samples >= t3.minSamples);
  const q2 = benjaminiHochberg(testable.map((r) => r.pValue));
  testable.forEach((r, i) => {
    r.qValue = q2[i];
    const big = Math.abs(r.deltaPct) >= t3.minPct && Math.abs(r.deltaBytes) >= t3.minSharePct / 100 * suiteBytes;
    if (big && r.qValue <= t3.alpha) r.status = r.deltaBytes > 0 ? "regression" : "improvement";
  });
  for (const r of rows) if (r.base.samples + r.head.samples < t3.minSamples) r.status = "too-small";
  return rows;
}
var isReported = (r) => r.status === "regression" || r.status === "improvement";
function pairedFilesP(key, units, base, head) {
  const d = units.map((u) => (head.get(u)?.get(key) ?? 0) - (base.get(u)?.get(key) ?? 0));
  const n = d.length;
  const mean = d.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  if (sd === 0) return mean === 0 ? 1 : 0;
  return studentTTwoSided(mean / (sd / Math.sqrt(n)), n - 1);
}
function gateByTestFiles2(rows, base, head, t3) {
  const units = commonUnits(base.byFile, head.byFile);
  if (units.length < t3.minUnits) return units.length;
  for (const r of rows) {
    if (!isReported(r)) continue;
    r.unitsP = pairedFilesP(r.key, units, base.byFile, head.byFile);
    if (r.unitsP > UNITS_P) r.status = "noise";
  }
  return units.length;
}
function gateTestsByFunctions(tests, functions, base, head) {
  const reported = new Set(functions.filter(isReported).map((r) => r.key));
  for (const r of tests) {
    if (!isReported(r)) continue;
    const b = base.byTest.get(r.key);
    const h = head.byTest.get(r.key);
    let explained = 0;
    for (const key of reported) explained += (h?.get(key) ?? 0) - (b?.get(key) ?? 0);
    if (explained / r.deltaBytes < 0.5) r.status = "noise";
  }
}
function ordered(rows) {
  return rows.sort((x, y) => Number(isReported(y)) - Number(isReported(x)) || Math.abs(y.deltaBytes) - Math.abs(x.deltaBytes)).map(({ key: _key, ...row }) => row);
}
function diffAllocations(baseProfile, headProfile, thresholds = {}) {
  if (!hasAllocationSamples(baseProfile) || !hasAllocationSamples(headProfile)) return void 0;
  const t3 = { ...DEFAULT_ALLOC_THRESHOLDS, ...thresholds };
  const view = restrictToCommonTests(baseProfile, headProfile);
  const base = allocationsOf(view.base);
  const head = allocationsOf(view.head);
  const interval = Number(headProfile.meta["alloc.interval_bytes"]) || Number(baseProfile.meta["alloc.interval_bytes"]) || 32768;
  const pairs = [...base.functions].map(([k, b]) => [b.side.bytes / interval, (head.functions.get(k)?.side.bytes ?? 0) / interval]);
  const { estimated, rows: dispersionRows } = estimateDispersion(pairs);
  const units = commonUnits(base.byFile, head.byFile).length;
  const used = units >= t3.minUnits ? ALLOC_AA_DISPERSION : Math.max(ALLOC_AA_DISPERSION, estimated);
  const judgedFunctions = judge(base.functions, head.functions, interval, used, base.total.bytes, t3);
  gateByTestFiles2(judgedFunctions, base, head, t3);
  const judgedTests = judge(base.tests, head.tests, interval, used, base.total.bytes, t3);
  gateTestsByFunctions(judgedTests, judgedFunctions, base, head);
  const functions = ordered(judgedFunctions);
  const tests = ordered(judgedTests);
  const count = (rows, s) => rows.filter((r) => r.status === s).length;
  const regressions = count(functions, "regression") + count(tests, "regression");
  const improvements = count(functions, "improvement") + count(tests, "improvement");
  const keep2 = (rows) => rows.filter((r, i) => r.status === "regression" || r.status === "improvement" || i < KEPT_ROWS);
  return {
    intervalBytes: interval,
    base: base.total,
    head: head.total,
    suiteDeltaPct: base.total.bytes > 0 ? (head.total.bytes - base.total.bytes) / base.total.bytes * 100 : Infinity,
    dispersion: { aa: ALLOC_AA_DISPERSION, estimated, used, rows: dispersionRows },
    units,
    thresholds: t3,
    functions: keep2(functions),
    tests: keep2(tests),
    regressions,
    improvements,
    withinNoise: count(functions, "noise"),
    verdict: regressions > 0 ? "regression" : improvements > 0 ? "improvement" : "no-change"
  };
}

// src/pipeline/baseline.ts
import { existsSync as existsSync4, statSync as statSync5 } from "node:fs";
import * as path14 from "node:path";
var MAX_BASE_RUNS = 5;
var HISTORY_RUNS = 6;
var HISTORY_WALK = 20;
var isFile = (p) => {
  try {
    return existsSync4(p) && statSync5(p).isFile();
  } catch {
    return false;
  }
};
async function findBaseline(s, headCommit, store, history = new LocalGitHistory(s.cwd)) {
  const base = s.base;
  if (isFile(path14.resolve(s.cwd, base))) {
    const profile = readProfileFile(path14.resolve(s.cwd, base));
    return { runs: [profile], provenance: { source: "file", found: true, file: base, commit: profile.meta.commit, reason: `profile file ${base} given as the base` } };
  }
  const found = await resolveBaseline({ store, history, jobKey: s.ci.jobKey, base, head: headCommit ?? "HEAD", fallbackCommit: s.ci.baseCommit, maxWalk: s.maxWalk });
  if (!found.found) return { runs: [], provenance: { source: "store", found: false, wanted: found.wanted, reason: found.reason, store: store.name } };
  const runs = await loadBaseRuns(store, found.stored, s.ci.jobKey, found.commit);
  const provenance = { source: "store", found: true, commit: found.commit, wanted: found.wanted, distance: found.distance, reason: found.reason, store: store.name };
  if (found.stored.runId !== void 0) provenance.runId = found.stored.runId;
  if (runs.length > 1) return { runs, provenance };
  return { runs, provenance, history: noiseFromHistory(await loadHistory(store, history, s.ci.jobKey, found.commit)) };
}
async function decode(store, entry) {
  const parsed = parseProfileBytes(`${store.name}:${entry.id}`, await store.get(entry));
  if (parsed.kind !== "pprof") throw new Error(`${store.name} store returned a non-pprof profile for ${entry.commit}`);
  return parsed.profile;
}
async function loadBaseRuns(store, newest, jobKey, commit) {
  const runs = [await decode(store, newest)];
  if (!store.capabilities.separateRuns) return runs;
  for (const entry of (await store.find(jobKey, commit)).filter((e) => e.id !== newest.id).slice(0, MAX_BASE_RUNS - 1)) {
    try {
      runs.push(await decode(store, entry));
    } catch {
    }
  }
  return runs;
}
async function loadHistory(store, history, jobKey, baseCommit) {
  if (!store.capabilities.runsByCommit) return [];
  const runs = [];
  for (const commit of history.firstParentChain(baseCommit, HISTORY_WALK)) {
    if (runs.length >= HISTORY_RUNS) break;
    try {
      const newest = (await store.find(jobKey, commit))[0];
      if (newest) runs.push(await decode(store, newest));
    } catch {
    }
  }
  return runs;
}

// src/pipeline/diff.ts
function buildDiffReport(input) {
  const compared = (runs) => input.includeLaunchers ? runs : runs.map(withoutLaunchers);
  const baseRuns = compared(input.baseRuns);
  const headRuns = compared(input.headRuns);
  const several = input.repeated || baseRuns.length > 1 || headRuns.length > 1;
  const side = (runs) => runs.length > 1 || input.repeated ? meanProfile(runs) : runs[0];
  const head = side(headRuns);
  const base = baseRuns.length ? side(baseRuns) : void 0;
  let diff;
  if (base) diff = several ? diffRuns(baseRuns, headRuns, input.thresholds) : diffProfiles(base, head, input.thresholds, { history: input.history });
  const decided = base && diff ? decide(base, head, diff, several ? { base: baseRuns, head: headRuns } : void 0) : void 0;
  const ci = input.ci;
  const report = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: VERSION,
    jobKey: ci.jobKey,
    provider: ci.provider,
    repository: ci.repository,
    serverUrl: ci.serverUrl ?? (ci.provider === "github" ? "https://github.com" : void 0),
    pr: ci.pr,
    head: input.head,
    base: input.provenance,
    diff,
    changedPaths: base && diff ? changedPaths(base, head, diff, { minDeltaNs: diff.thresholds.minMs * 1e6 }) : [],
    links: { run: ci.runUrl, summary: ci.provider === "github" ? ci.runUrl : void 0 }
  };
  if (decided?.tests) report.tests = decided.tests;
  if (decided) report.decision = decided.decision;
  const alloc = base && diffAllocations(base, head);
  if (alloc) report.alloc = alloc;
  return { report, base, head };
}
async function diffWithBaseline(s, head, store) {
  const commit = head.profile.meta.commit ?? s.ci.commit;
  const baseline = await findBaseline(s, commit, store);
  return buildDiffReport({ ci: s.ci, baseRuns: baseline.runs, headRuns: [head.profile], provenance: baseline.provenance, head: { commit, profile: head.file }, thresholds: s.thresholds, history: baseline.history, includeLaunchers: s.includeLaunchers });
}
function diffForReport(base, head, thresholds) {
  return diffProfiles(withoutLaunchers(base), withoutLaunchers(head), thresholds);
}

// src/pipeline/outputs.ts
import * as path15 from "node:path";

// src/pyroscope/ui.ts
function pyroscopeDiffUrl(o) {
  const type = o.profileTypeId ?? CPU_TIME_TYPE;
  const query = (commit) => type + labelSelector([
    { name: "service_name", value: sanitizeAppName(o.app) },
    { name: "job_key", value: sanitizeLabelValue(o.jobKey) },
    { name: "commit", value: sanitizeLabelValue(commit) }
  ]);
  const params = new URLSearchParams({
    query: type + labelSelector([{ name: "service_name", value: sanitizeAppName(o.app) }]),
    from: String(Math.min(o.base.from, o.head.from)),
    until: String(Math.max(o.base.until, o.head.until)),
    leftQuery: query(o.base.commit),
    leftFrom: String(o.base.from),
    leftUntil: String(o.base.until),
    rightQuery: query(o.head.commit),
    rightFrom: String(o.head.from),
    rightUntil: String(o.head.until)
  });
  return `${o.server.replace(/\/+$/, "")}/comparison-diff?${params}`;
}

// src/pipeline/outputs.ts
function prepareOutDir(s, log) {
  try {
    makeDirs(s.outDir);
    return true;
  } catch (err) {
    log.warn(`profile not written: cannot write to ${s.outDir} (${err.message}); the command runs without profiling`);
    return false;
  }
}
async function writeRunOutputs(s, c, opts, log) {
  if (!c.profile || !c.pprofGzip || !c.summary) return void 0;
  try {
    makeDirs(s.outDir);
    const files = { profile: path15.join(s.outDir, "profile.pb.gz"), summary: path15.join(s.outDir, "profile.json") };
    writeFileAtomic(files.profile, c.pprofGzip);
    if (opts.report) files.report = await writeRunReport(s, c, log);
    c.summary = withFiles(c.summary, files, opts.stored);
    writeFileAtomic(files.summary, `${JSON.stringify({ ...c.summary, threadsDetail: c.threads, lost: c.lost }, null, 2)}
`);
    return files;
  } catch (err) {
    log.warn(`profile not written: ${err.message}`);
    return void 0;
  }
}
async function writeRunReport(s, c, log) {
  try {
    return (await writeHtmlReport(path15.join(s.outDir, "report.html"), c.profile, void 0, void 0)).path;
  } catch (err) {
    log.warn(`report not written: ${err.message}`);
    return void 0;
  }
}
function withFiles(summary, files, stored) {
  const { tests, ...rest } = summary;
  const out = { ...rest, profile: files.profile };
  if (tests) out.tests = tests;
  if (stored?.storedAs) out.storedAs = stored.storedAs;
  if (files.report) out.report = files.report;
  return out;
}
function renderDiffReport(report) {
  return { report, comment: renderComment(report) };
}
function writeDiffFiles(dir, rendered) {
  makeDirs(dir);
  const files = { diff: path15.join(dir, "diff.json"), comment: path15.join(dir, "comment.md") };
  writeFileAtomic(files.diff, serializeDiffReport(rendered.report));
  writeFileAtomic(files.comment, rendered.comment);
  return files;
}
async function writeHtmlReport(file, head, base, diff, title) {
  const { writeReport } = await import("./chunks/report-3VPD7ZJO.js");
  return writeReport(head, base, { output: file, diff, title });
}
async function writeDiffHtml(file, result, log, title) {
  try {
    return (await writeHtmlReport(file, result.head, result.base, result.report.diff, title)).path;
  } catch (err) {
    log.warn(`HTML report not written: ${err.message}`);
    return void 0;
  }
}
function compareProfileFiles(dir) {
  return { base: path15.join(dir, "base.pb.gz"), head: path15.join(dir, "head.pb.gz") };
}
async function writeCompareOutputs(dir, baseRuns, headRuns, result, title, log) {
  makeDirs(dir);
  const merged = compareProfileFiles(dir);
  writeFileAtomic(merged.base, encodePprofGzip(mergeProfiles(baseRuns)));
  writeFileAtomic(merged.head, encodePprofGzip(mergeProfiles(headRuns)));
  const rendered = renderDiffReport(result.report);
  const files = { ...merged, ...writeDiffFiles(dir, rendered) };
  const report = await writeDiffHtml(path15.join(dir, "report.html"), result, log, title);
  if (report) files.report = report;
  return { files, rendered };
}
async function writeDiffOutputs(s, result, opts, log) {
  const report = opts.html ? await writeDiffHtml(path15.join(opts.dir, "report.html"), result, log) : void 0;
  await addReportLinks(s, result, report, opts.uploadReport, log);
  const rendered = renderDiffReport(result.report);
  try {
    return { rendered, files: { ...writeDiffFiles(opts.dir, rendered), report } };
  } catch (err) {
    log.warn(`could not save the diff report in ${opts.dir}: ${err.message}`);
    return { rendered, files: { report } };
  }
}
async function addReportLinks(s, result, reportFile, uploadReport, log) {
  const links = result.report.links;
  if (s.pyroscope && result.base) links.pyroscope = pyroscopeLink(s, result.base, result.head);
  if (uploadReport && reportFile) {
    const url = await uploadHtmlReport(s, reportFile, log);
    if (url) links.report = url;
  }
}
async function uploadHtmlReport(s, reportFile, log) {
  try {
    const { uploadReportArtifact } = await import("./chunks/report-artifact-HORUOIOQ.js");
    await freeArtifactName(`ciprof-report-${sanitizeJobKey(s.ci.jobKey)}.html`, s.env, log);
    return (await uploadReportArtifact(reportFile, s.ci.jobKey, s.env))?.url;
  } catch (err) {
    log.warn(`HTML report not uploaded: ${err.message}`);
    return void 0;
  }
}
function pyroscopeLink(s, base, head) {
  const side = (p) => {
    const commit = p.meta.commit;
    if (!commit || !p.timeNanos) return void 0;
    const start = Math.floor(p.timeNanos / 1e6);
    return { commit, from: start - 6e4, until: start + Math.ceil(p.durationNanos / 1e6) + 6e4 };
  };
  const b = side(base);
  const h = side(head);
  if (!b || !h || !s.pyroscope) return void 0;
  return pyroscopeDiffUrl({ server: s.pyroscope.server, app: s.pyroscope.app, jobKey: s.ci.jobKey, base: b, head: h });
}

// src/pipeline/compare.ts
var CompareUsageError = class extends Error {
};
function plan(s, opts) {
  const history = new LocalGitHistory(s.repoRoot);
  const headCommit = s.ci.commit ?? history.resolve("HEAD");
  const wanted = wantedCommit({ history, base: opts.base, head: "HEAD", fallbackCommit: s.ci.baseCommit });
  if (!wanted.commit) throw new CompareUsageError(wanted.how);
  const baseCommit = history.resolve(wanted.commit);
  if (!baseCommit) throw new CompareUsageError(`${wanted.how}, but that commit is not in this clone (shallow checkout? fetch it, e.g. fetch-depth: 0)`);
  const relCwd = path16.relative(s.repoRoot, s.cwd);
  if (relCwd.startsWith("..")) throw new CompareUsageError(`the working directory ${s.cwd} is outside the repository ${s.repoRoot}`);
  return { baseCommit, headCommit, how: wanted.how, relCwd, install: planInstall(s.cwd, s.repoRoot, opts.install) };
}
async function compare(s, opts, log) {
  const p = plan(s, opts);
  makeDirs(s.outDir);
  removeRunFiles(s.outDir);
  const result = { baseCommit: p.baseCommit, headCommit: p.headCommit, runs: [] };
  const profiles = /* @__PURE__ */ new Map();
  await runInterleaved(s, opts, p, result, profiles, log);
  result.failed = firstFailure(result.runs);
  if (result.interrupted) return result;
  const side = (x) => result.runs.filter((r) => r.side === x && profiles.has(r)).map((r) => profiles.get(r));
  const baseRuns = side("base");
  const headRuns = side("head");
  if (baseRuns.length === 0 || headRuns.length === 0) {
    log.warn(`no diff: ${baseRuns.length} base and ${headRuns.length} head profile(s) were written`);
  } else {
    const reason = `${p.how}; base and head (working tree) profiled on this machine, ${baseRuns.length} + ${headRuns.length} interleaved runs`;
    try {
      Object.assign(result, await diffAndWrite(s, { ...s.ci, commit: p.headCommit }, baseRuns, headRuns, { baseCommit: p.baseCommit, headCommit: p.headCommit, reason }, log));
    } catch (err) {
      log.warn(`diff not written: ${err.message}`);
    }
  }
  writeSummary(s, opts, result, p.install.reason, log);
  return result;
}
async function runInterleaved(s, opts, p, result, profiles, log) {
  let stopInstall;
  const unhook = interruptOnSignals((signal) => {
    result.interrupted = signal;
    opts.progress(`${signal}: stopping after the current step, then removing the base worktree (again to stop at once)`);
    stopInstall?.();
  });
  let worktree;
  try {
    opts.progress(`base: ${p.how}`);
    worktree = BaseWorktree.add(s.repoRoot, p.baseCommit);
    opts.progress(`base checked out in ${worktree.dir}`);
    opts.progress(`install: ${p.install.reason}`);
    if (p.install.command && !result.interrupted) {
      const run = runInstall(p.install.command, path16.join(worktree.dir, p.install.dir), testCommandEnv(s.env));
      stopInstall = () => run.child.kill("SIGTERM");
      const done = await run.done;
      stopInstall = void 0;
      if (done.exitCode !== 0 && !result.interrupted) {
        throw new Error(`installing the base's dependencies failed (${p.install.command} in ${p.install.dir || "."} exited ${done.exitCode}${done.error ? `: ${done.error}` : ""}); pass --install "<cmd>" or --install '' to skip`);
      }
    }
    const base = { ...s, cwd: path16.join(worktree.dir, p.relCwd), repoRoot: worktree.dir, ci: { ...s.ci, commit: p.baseCommit, branch: void 0, pr: void 0 } };
    const head = { ...s, ci: { ...s.ci, commit: p.headCommit } };
    const order = interleavedOrder(opts.runs);
    for (const [n, planned] of order.entries()) {
      if (result.interrupted) break;
      const x = planned.side;
      opts.progress(`run ${n + 1}/${order.length}: ${x} ${planned.index}/${opts.runs} (${x === "base" ? p.baseCommit.slice(0, 12) : "working tree"})`);
      const record = await profileRun(x === "base" ? base : head, opts.command, planned.side, planned.index, profiles, log);
      result.runs.push(record);
      opts.progress(`${x} ${planned.index}: exit ${record.exitCode}${record.wallMs !== void 0 ? `, ${(record.wallMs / 1e3).toFixed(1)} s` : ""}${record.profile ? "" : ", no profile"}`);
    }
  } finally {
    worktree?.remove();
    unhook();
  }
}
async function profileRun(s, command, side, index, profiles, log) {
  const runDir = path16.join(s.outDir, "runs", `${side}-${index}`);
  rmSync4(runDir, { recursive: true, force: true });
  const run = { ...s, outDir: runDir };
  const c = await collect(run, { command, quiet: true, commandStdout: "stderr" }, log);
  const written = await writeRunOutputs(run, c, { report: false }, log);
  const record = { side, index, exitCode: c.exitCode, wallMs: c.summary?.wallMs };
  if (written && c.profile) {
    const file = runFile(s.outDir, side, index);
    try {
      renameSync(written.profile, file);
      record.profile = file;
      profiles.set(record, c.profile);
    } catch (err) {
      log.warn(`${side} run ${index}: profile not kept: ${err.message}`);
    }
  }
  return record;
}
async function diffAndWrite(s, ci, baseRuns, headRuns, sides2, log) {
  const merged = compareProfileFiles(s.outDir);
  const result = buildDiffReport({
    ci,
    baseRuns,
    headRuns,
    repeated: true,
    // 'file' is the honest provenance: the base profile is the file this job just wrote.
    provenance: { source: "file", found: true, file: path16.relative(process.cwd(), merged.base) || merged.base, commit: sides2.baseCommit, reason: sides2.reason },
    head: { commit: sides2.headCommit, profile: merged.head },
    thresholds: s.thresholds,
    includeLaunchers: s.includeLaunchers
  });
  const title = `ciprof compare \xB7 ${sides2.baseCommit?.slice(0, 8) ?? "base"} \u2192 ${sides2.headCommit?.slice(0, 8) ?? "head"}`;
  const { files } = await writeCompareOutputs(s.outDir, baseRuns, headRuns, result, title, log);
  return { files, report: result.report };
}
async function rediffSavedRuns(s, dir, log) {
  const files = savedRuns(dir);
  if (files.base.length === 0 || files.head.length === 0) throw new Error(`${dir}: needs base-<i>.pb.gz and head-<i>.pb.gz files (found ${files.base.length} base, ${files.head.length} head)`);
  const baseRuns = files.base.map((f) => readProfileFile(f));
  const headRuns = files.head.map((f) => readProfileFile(f));
  const sides2 = { baseCommit: baseRuns[0]?.meta.commit, headCommit: headRuns[0]?.meta.commit, reason: `saved runs in ${dir}: ${baseRuns.length} base, ${headRuns.length} head` };
  return diffAndWrite(s, s.ci, baseRuns, headRuns, sides2, log);
}
function writeSummary(s, opts, result, install, log) {
  try {
    const summary = {
      base: { ref: opts.base, commit: result.baseCommit },
      head: { commit: result.headCommit, tree: "working tree" },
      command: redactCommand(opts.command),
      runsPerSide: opts.runs,
      install,
      method: RUNS_DIFF_METHOD,
      runs: result.runs.map((r) => ({ ...r, profile: r.profile && path16.basename(r.profile) })),
      failed: result.failed ? { side: result.failed.side, index: result.failed.index, exitCode: result.failed.exitCode } : void 0,
      verdict: result.report?.diff?.verdict
    };
    writeFileAtomic(path16.join(s.outDir, "compare.json"), `${JSON.stringify(summary, null, 2)}
`);
  } catch (err) {
    log.warn(`compare.json not written: ${err.message}`);
  }
}

// src/cli/compare.ts
var progress = (line) => {
  process.stderr.write(`ciprof: compare: ${line}
`);
};
function registerCompare(program2) {
  program2.command("compare").description("profile the base commit (temporary git worktree) and the working tree on this machine, interleaved N times each, and diff them").argument("[command...]", "the test command, after --").option("--base <ref>", "base commit, branch or tag; a branch is compared through its merge-base with HEAD (default: the PR/upstream base branch)").option("--runs <n>", "runs per side, interleaved base/head", "3").option("--install <cmd>", "install command for the base checkout (default: from the lockfile: npm ci, pnpm/yarn install --frozen-lockfile; '' skips)").option("-o, --out <dir>", "output directory: base-<i>/head-<i>.pb.gz, base/head.pb.gz, diff.json, comment.md, report.html", ".ciprof/compare").option("--interval-us <n>", "sampling interval in microseconds", "1000").option("--json", "print the diff report as JSON on stdout (the test runs' output goes to stderr)").option("--min-ms <ms>", "minimum speed-adjusted self-time change for a row", String(COMPARE_THRESHOLDS.minMs)).option("--min-pct <pct>", "minimum speed-adjusted self-time change for a row, %", String(COMPARE_THRESHOLDS.minPct)).option("--alpha <q>", "false discovery rate (Benjamini-Hochberg)", String(COMPARE_THRESHOLDS.alpha)).option("--min-samples <n>", "samples a function needs before it can be reported", String(COMPARE_THRESHOLDS.minSamples)).option("--fail-on-regression", `exit ${EXIT_REGRESSION} when a regression is reported (and no test failed)`).option("--job-key <key>", "job key written into the profiles (default: from CI env)").option("--include-launchers", "keep package-manager launcher processes (npm, npx, pnpm, yarn) in the rows and verdicts").option("--from-runs <dir>", "run nothing: diff the base-<i>.pb.gz/head-<i>.pb.gz files already in <dir> (re-tune thresholds on saved runs)").passThroughOptions().action(async (command, flags) => {
    const thresholds = parseThresholds(flags);
    const runs = parsePositiveInt("--runs", flags.runs);
    const intervalUs = parsePositiveInt("--interval-us", flags.intervalUs);
    const s = resolveSettings({ cwd: process.cwd(), env: process.env, jobKey: flags.jobKey, outDir: flags.out, base: flags.base, thresholds, intervalUs, includeLaunchers: flags.includeLaunchers }, cliLog);
    const failOnRegression = Boolean(flags.failOnRegression);
    if (flags.fromRuns) {
      let report;
      try {
        report = (await rediffSavedRuns(s, path17.resolve(flags.fromRuns), cliLog)).report;
      } catch (err) {
        fail(err.message);
      }
      printDiff(report, flags.json);
      process.exitCode = exitCodeFor(0, report, failOnRegression);
      return;
    }
    if (command.length === 0) fail("no test command: ciprof compare --base <ref> -- <test command>", EXIT_USAGE);
    if (!s.inGit) fail("ciprof compare needs a git repository (it checks the base out in a git worktree)", EXIT_USAGE);
    if (!s.base) fail("no --base given and no base branch known (no PR context, no upstream branch)", EXIT_USAGE);
    let result;
    try {
      result = await compare(s, { base: s.base, runs, install: flags.install, command, progress }, cliLog);
    } catch (err) {
      fail(err.message, err instanceof CompareUsageError ? EXIT_USAGE : 1);
    }
    if (result.interrupted) {
      process.exitCode = 128 + signalNumber(result.interrupted);
      return;
    }
    if (result.report) printDiff(result.report, flags.json);
    for (const r of result.runs.filter((x) => x.exitCode !== 0)) warn(`the test command failed in the ${r.side} run ${r.index} (${r.side === "base" ? result.baseCommit.slice(0, 12) : "working tree"}): exit code ${r.exitCode}`);
    if (result.files) progress(`wrote ${path17.relative(process.cwd(), s.outDir) || "."}/{diff.json,comment.md${result.files.report ? ",report.html" : ""},base.pb.gz,head.pb.gz}`);
    process.exitCode = exitCodeFor(result.failed?.exitCode ?? 0, result.report, failOnRegression);
  });
}

// src/cli/diff.ts
import * as path18 from "node:path";

// src/cli/load.ts
function loadProfileOrFail(file) {
  try {
    return readProfileFile(file);
  } catch (err) {
    fail(err instanceof ProfileInputError ? err.message : `${file}: ${err.message}`);
  }
}

// src/cli/pyroscope-flags.ts
var collect2 = (value, previous = []) => [...previous, value];
function addPyroscopeConnectionOptions(cmd) {
  return cmd.option("--server <url>", "Pyroscope server URL (env CIPROF_PYROSCOPE_URL)").option("--app <name>", "application (service_name) in Pyroscope (default: the repository name)").option("--basic-auth <user:pass>", "HTTP basic auth (env CIPROF_PYROSCOPE_BASIC_AUTH)").option("--token <token>", "bearer token (env CIPROF_PYROSCOPE_TOKEN)").option("--tenant <id>", "X-Scope-OrgID tenant (env CIPROF_PYROSCOPE_TENANT)").option("--pyroscope-timeout <seconds>", "give up on Pyroscope after this long, retries included", "60");
}
function addPyroscopeUploadOptions(cmd) {
  return addPyroscopeConnectionOptions(cmd).addOption(new Option("--protocol <protocol>", "ingestion API").choices(["push", "ingest"]).default("push")).option("--label <k=v>", "extra series label (repeatable)", collect2).option("--labels <names>", "pprof sample labels kept in the upload, comma-separated, or none (pid/thread are always dropped)", "test_file");
}

// src/cli/diff.ts
function settingsOf(flags) {
  const thresholds = parseThresholds(flags);
  const maxWalk = parsePositiveInt("--max-walk", flags.maxWalk);
  if (flags.store !== "local" && flags.store !== "github" && flags.store !== "pyroscope") fail("--store must be local, github or pyroscope", EXIT_USAGE);
  const store = flags.store;
  try {
    return resolveSettings(
      { cwd: process.cwd(), env: process.env, jobKey: flags.jobKey, storeDir: flags.storeDir, base: flags.base, thresholds, maxWalk, store, includeLaunchers: flags.includeLaunchers, pyroscope: store === "pyroscope" ? { flags, query: true } : void 0 },
      cliLog
    );
  } catch (err) {
    fail(err.message);
  }
}
function registerDiff(program2) {
  const diff = program2.command("diff").description("compare this run with a base profile (a file, a commit, or a ref via its merge-base) and report what got slower").option("--base <file|commit|ref>", "base profile file, commit, or ref (default: the PR/upstream base branch)").option("--head <file>", "head profile", ".ciprof/profile.pb.gz").option("--json", "print the diff report as JSON on stdout").option("-o, --out <dir>", "where to write diff.json and comment.md (default: the head profile's directory)").option("--min-ms <ms>", "minimum absolute self-time change for a row", String(DEFAULT_THRESHOLDS.minMs)).option("--min-pct <pct>", "minimum relative self-time change for a row, %", String(DEFAULT_THRESHOLDS.minPct)).option("--alpha <q>", "false discovery rate (Benjamini-Hochberg)", String(DEFAULT_THRESHOLDS.alpha)).option("--min-samples <n>", "samples a function needs before it can be reported", String(DEFAULT_THRESHOLDS.minSamples)).option("--max-walk <n>", "how many first-parent commits to walk back for a stored baseline", String(DEFAULT_MAX_WALK)).option("--fail-on-regression", `exit ${EXIT_REGRESSION} when a regression is reported`).option("--gate <cpu|alloc>", "what --fail-on-regression looks at: CPU time, or allocations only (both runs with --alloc)", "cpu").option("--store <kind>", "where baselines are stored: local | github | pyroscope", "local").option("--store-dir <dir>", "local store directory (default: <repo root>/.ciprof/store)").option("--job-key <key>", "job key to look up (default: from CI env)").option("--publish", "also publish: job summary, PR comment / MR note (fails open)").option("--include-launchers", "keep package-manager launcher processes (npm, npx, pnpm, yarn) in the rows and verdicts").action(async (flags) => {
    if (flags.gate !== "cpu" && flags.gate !== "alloc") fail("--gate must be cpu or alloc", EXIT_USAGE);
    const s = settingsOf(flags);
    if (!s.base) fail("no --base given and no base branch known (no PR context, no upstream branch)", EXIT_USAGE);
    const head = { profile: loadProfileOrFail(flags.head), file: flags.head };
    let result;
    try {
      result = await diffWithBaseline(s, head, await openStore(s));
    } catch (err) {
      fail(err.message);
    }
    const { rendered } = await writeDiffOutputs(s, result, { dir: path18.resolve(flags.out ?? path18.dirname(flags.head)), html: false, uploadReport: false }, cliLog);
    printDiff(result.report, flags.json);
    if (flags.publish) await publish(s, rendered, {}, cliLog);
    if (flags.gate === "alloc" && flags.failOnRegression && !result.report.alloc) cliLog.warn("--gate alloc: no allocation diff (run both sides with ciprof run --alloc); nothing to gate on");
    process.exitCode = exitCodeFor(0, result.report, Boolean(flags.failOnRegression), flags.gate);
  });
  addPyroscopeConnectionOptions(diff).option("--window <duration>", "with --store pyroscope: how far back to look for the base profile", "30d");
}

// src/profile/collapsed.ts
var frameText = (s) => s.replace(/[;\n\r]/g, "_");
function toCollapsed(profile, valueIndex = timeValueIndex(profile)) {
  const lines = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const v = s.values[valueIndex] ?? 0;
    if (!v) continue;
    const key = s.stack.map((id) => frameText(formatFrame(profile.functions[id]))).reverse().join(";");
    lines.set(key, (lines.get(key) ?? 0) + v);
  }
  let out = "";
  for (const [k, v] of lines) out += `${k} ${Math.round(v)}
`;
  return out;
}

// src/profile/speedscope.ts
function toSpeedscope(profile, name = "ciprof") {
  const frames = profile.functions.map((f) => f.file ? { name: f.name, file: f.file, line: f.line } : { name: f.name });
  const samples = profile.samples.map((s) => [...s.stack].reverse());
  const profiles = profile.sampleTypes.map((t3, i) => {
    const weights = profile.samples.map((s) => s.values[i] ?? 0);
    return {
      type: "sampled",
      name: `${name} ${t3.type}`,
      unit: t3.unit === "nanoseconds" ? "nanoseconds" : "none",
      startValue: 0,
      endValue: weights.reduce((a, b) => a + b, 0),
      samples,
      weights
    };
  });
  return { $schema: "https://www.speedscope.app/file-format-schema.json", shared: { frames }, profiles, name, exporter: "ciprof" };
}

// src/cli/export.ts
var FORMATS = ["pprof", "collapsed", "speedscope"];
function registerExport(program2) {
  program2.command("export").description("convert a profile to pprof, collapsed stacks or speedscope JSON").argument("<file>", "input profile (pprof or .cpuprofile)").requiredOption("-f, --format <format>", FORMATS.join("|")).option("-o, --output <file>", "output file (default: stdout; pprof needs a file or a pipe)").action((file, flags) => {
    if (!FORMATS.includes(flags.format)) fail(`--format must be one of ${FORMATS.join(", ")}`, EXIT_USAGE);
    const profile = loadProfileOrFail(file);
    let data;
    if (flags.format === "pprof") {
      if (!flags.output && process.stdout.isTTY) fail("pprof is binary: give -o FILE or pipe stdout", EXIT_USAGE);
      data = encodePprofGzip(profile);
    } else if (flags.format === "collapsed") data = toCollapsed(profile);
    else data = `${JSON.stringify(toSpeedscope(profile, file))}
`;
    if (!flags.output) return void process.stdout.write(data);
    try {
      writeFileAtomic(flags.output, data);
    } catch (err) {
      fail(`cannot write ${flags.output}: ${err.message}`);
    }
  });
}

// src/cli/merge.ts
function registerMerge(program2) {
  program2.command("merge").description("merge pprof and V8 .cpuprofile files (gzipped or not) into one gzipped pprof").argument("<files...>", "input profiles").requiredOption("-o, --output <file>", "output file (gzipped pprof)").option("--strict", "exit 1 if any input could not be read (default: skip it with a warning)").action((files, flags) => {
    const { profile, merged, errors } = mergeProfileFiles(files);
    for (const e of errors) warn(`skipped ${e.message}`);
    if (merged === 0) fail(`none of the ${files.length} input file(s) could be read`);
    try {
      writeFileAtomic(flags.output, encodePprofGzip(profile));
    } catch (err) {
      fail(`cannot write ${flags.output}: ${err.message}`);
    }
    process.stderr.write(`ciprof: merged ${merged} profile(s) into ${flags.output}${errors.length ? `, skipped ${errors.length}` : ""}
`);
    if (errors.length && flags.strict) process.exitCode = 1;
  });
}

// src/cli/report.ts
function registerReport(program2) {
  program2.command("report").description("write a self-contained HTML report (flame graph, sandwich, tables; diff colours with --base)").argument("[profile]", "head profile (pprof or .cpuprofile)", ".ciprof/profile.pb.gz").option("--base <profile>", "base profile: colour frames slower/faster/within noise").option("-o, --output <file>", "output HTML file", "report.html").option("--title <text>", "page title").action(async (file, flags) => {
    const head = loadProfileOrFail(file);
    const base = flags.base ? loadProfileOrFail(flags.base) : void 0;
    try {
      const r = await writeHtmlReport(flags.output, head, base, base ? diffForReport(base, head) : void 0, flags.title);
      process.stderr.write(`ciprof: report written to ${r.path} (${(r.bytes / 1024).toFixed(0)} KB, ${r.nodes} frames)
`);
    } catch (err) {
      fail(`cannot write the report: ${err.message}`);
    }
  });
}

// src/cli/run.ts
function registerRun(program2) {
  const run = program2.command("run").description("run a test command with every Node process and worker profiled; write one merged pprof profile").argument("<command...>", "the test command, after --").option("-o, --out <dir>", "output directory for profile.pb.gz and profile.json", ".ciprof").option("--interval-us <n>", "sampling interval in microseconds", "1000").option("--alloc", "also sample allocations (V8 sampling heap profiler, every process and worker): alloc_samples/alloc_space in the same profile").option("--json", "print the run summary as JSON on stdout, and nothing else there (the command's stdout goes to stderr)").option("--store-dir <dir>", "local store directory (default: <repo root>/.ciprof/store)").option("--no-store", "do not save the profile in the local store").option("--job-key <key>", "name under which profiles of this job are stored and compared (default: from CI env)").option("--keep-raw", "keep the raw V8 .cpuprofile files and print where").option("-q, --quiet", "no text summary on stderr").option("--no-report", "do not write the HTML report (report.html) beside the profile").passThroughOptions().action(async (command, flags) => {
    const intervalUs = parsePositiveInt("--interval-us", flags.intervalUs);
    const s = resolveSettings(
      { cwd: process.cwd(), env: withAllocSampling(process.env, flags.alloc), jobKey: flags.jobKey, storeDir: flags.storeDir, outDir: flags.out, intervalUs, pyroscope: flags.upload ? { flags, upload: true } : void 0 },
      cliLog
    );
    const profiling = prepareOutDir(s, cliLog);
    const c = await collect(s, { command, keepRaw: flags.keepRaw, quiet: flags.quiet, profile: profiling, commandStdout: flags.json ? "stderr" : "inherit" }, cliLog);
    const stored = await storeRun(s, c, { local: flags.store, artifact: false }, cliLog);
    const files = await writeRunOutputs(s, c, { report: flags.report, stored }, cliLog);
    if (files && c.summary) {
      if (!flags.quiet) process.stderr.write(`${formatSummaryText(c.summary)}
`);
      await uploadRun(s, c, files.profile, cliLog);
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(files && c.summary ? c.summary : { exitCode: c.exitCode, profile: null }, null, 2)}
`);
    process.exitCode = c.exitCode;
  });
  run.option("--upload", "after the run, send the profile to Grafana Pyroscope (fails open; see ciprof upload --help)");
  addPyroscopeUploadOptions(run);
}

// src/cli/top.ts
function registerTop(program2) {
  program2.command("top").description("print the functions with the most self time, like go tool pprof -top").argument("<file>", "profile (pprof or .cpuprofile)").option("-n, --nodes <n>", "how many functions", "20").option("--cum", "sort by cumulative (total) time").action((file, flags) => {
    const n = parsePositiveInt("--nodes", flags.nodes);
    process.stdout.write(`${formatTopTable(loadProfileOrFail(file), n, Boolean(flags.cum))}
`);
  });
}

// src/cli/upload.ts
function registerUpload(program2) {
  const cmd = program2.command("upload").description("send a profile to Grafana Pyroscope (push API or legacy /ingest)").argument("[file]", "profile to upload", ".ciprof/profile.pb.gz").option("--json", "print the result as JSON on stdout").option("--strict", "exit 1 when the upload fails (default: warn and exit 0, like run --upload)");
  addPyroscopeUploadOptions(cmd).action(async (file, flags) => {
    const s = resolveSettings({ cwd: process.cwd(), env: process.env }, cliLog);
    const profile = withRunMeta(loadProfileOrFail(file), s);
    let settings;
    try {
      settings = pyroscopeUploadSettings(flags, s, cliLog, profile.meta.repository);
    } catch (err) {
      fail(err.message, EXIT_USAGE);
    }
    const outcome = await uploadToPyroscope(profile, settings, file);
    if (outcome.ok) {
      process.stderr.write(`ciprof: ${outcome.line}
`);
      if (flags.json) process.stdout.write(`${JSON.stringify({ server: settings.server, app: settings.app, ...outcome.result }, null, 2)}
`);
      return;
    }
    if (outcome.transient && !flags.strict) {
      warn(outcome.message);
      return;
    }
    fail(outcome.message);
  });
}

// src/cli/program.ts
function buildProgram() {
  const program2 = new Command("ciprof").description("Profile a Node test suite in CI and tell the pull request where the CPU time went").version(VERSION).enablePositionalOptions();
  registerRun(program2);
  registerMerge(program2);
  registerExport(program2);
  registerTop(program2);
  registerReport(program2);
  registerUpload(program2);
  registerDiff(program2);
  registerComment(program2);
  registerCompare(program2);
  return program2;
}

// src/cli/index.ts
buildProgram().parseAsync(process.argv).catch((err) => {
  process.stderr.write(`ciprof: error: ${err.message}
`);
  process.exitCode = 1;
});
